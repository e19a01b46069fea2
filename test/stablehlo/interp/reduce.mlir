// reduce: single and multiple operands. Inputs fold in row-major order from the init value, the
// accumulator on the body's left.

func.func @sum_each_dim() {
  %x = stablehlo.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %z = stablehlo.constant dense<0.0> : tensor<f32>
  %rows = stablehlo.reduce(%x init: %z) applies stablehlo.add across dimensions = [1] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
  %cols = stablehlo.reduce(%x init: %z) applies stablehlo.add across dimensions = [0] : (tensor<2x3xf32>, tensor<f32>) -> tensor<3xf32>
  %all = stablehlo.reduce(%x init: %z) applies stablehlo.add across dimensions = [0, 1] : (tensor<2x3xf32>, tensor<f32>) -> tensor<f32>
  check.expect_eq_const %rows, dense<[6.0, 15.0]> : tensor<2xf32>
  check.expect_eq_const %cols, dense<[5.0, 7.0, 9.0]> : tensor<3xf32>
  check.expect_eq_const %all, dense<21.0> : tensor<f32>
  func.return
}

func.func @middle_dim_with_init() {
  // x[a][b][c] = 6a + 2b + c; summing over b gives 18a + 3c + 6, plus the init 100.
  %x = stablehlo.iota dim = 0 : tensor<12xi32>
  %y = stablehlo.reshape %x : (tensor<12xi32>) -> tensor<2x3x2xi32>
  %init = stablehlo.constant dense<100> : tensor<i32>
  %r = stablehlo.reduce(%y init: %init) applies stablehlo.add across dimensions = [1] : (tensor<2x3x2xi32>, tensor<i32>) -> tensor<2x2xi32>
  check.expect_eq_const %r, dense<[[106, 109], [124, 127]]> : tensor<2x2xi32>
  func.return
}

func.func @max_with_explicit_body() {
  %x = stablehlo.constant dense<[[1.0, -5.0], [-2.0, -3.0]]> : tensor<2x2xf32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %r = stablehlo.reduce(%x init: %ninf) across dimensions = [1] : (tensor<2x2xf32>, tensor<f32>) -> tensor<2xf32>
   reducer(%a: tensor<f32>, %b: tensor<f32>) {
    %m = stablehlo.maximum %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }
  check.expect_eq_const %r, dense<[1.0, -2.0]> : tensor<2xf32>
  func.return
}

func.func @all_of_i1() {
  %x = stablehlo.constant dense<[[true, false], [true, true]]> : tensor<2x2xi1>
  %t = stablehlo.constant dense<true> : tensor<i1>
  %r = stablehlo.reduce(%x init: %t) applies stablehlo.and across dimensions = [1] : (tensor<2x2xi1>, tensor<i1>) -> tensor<2xi1>
  check.expect_eq_const %r, dense<[false, true]> : tensor<2xi1>
  func.return
}

func.func @argmax_ties_keep_the_first_index() {
  %x = stablehlo.constant dense<[[1.0, 5.0, 5.0], [7.0, 2.0, 7.0], [3.0, 3.0, 3.0]]> : tensor<3x3xf32>
  %idx = stablehlo.iota dim = 1 : tensor<3x3xi32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %zero = stablehlo.constant dense<0> : tensor<i32>
  %r:2 = stablehlo.reduce(%x init: %ninf), (%idx init: %zero) across dimensions = [1] : (tensor<3x3xf32>, tensor<3x3xi32>, tensor<f32>, tensor<i32>) -> (tensor<3xf32>, tensor<3xi32>)
   reducer(%a: tensor<f32>, %b: tensor<f32>) (%ai: tensor<i32>, %bi: tensor<i32>) {
    // Keep the left side when it is larger, or equal with a smaller index (JAX's argmax reducer).
    %gt = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %eq = stablehlo.compare EQ, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %lt = stablehlo.compare LT, %ai, %bi, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %tie = stablehlo.and %eq, %lt : tensor<i1>
    %keep = stablehlo.or %gt, %tie : tensor<i1>
    %v = stablehlo.select %keep, %a, %b : tensor<i1>, tensor<f32>
    %i = stablehlo.select %keep, %ai, %bi : tensor<i1>, tensor<i32>
    stablehlo.return %v, %i : tensor<f32>, tensor<i32>
  }
  check.expect_eq_const %r#0, dense<[5.0, 7.0, 3.0]> : tensor<3xf32>
  check.expect_eq_const %r#1, dense<[1, 0, 0]> : tensor<3xi32>
  func.return
}

func.func @argmax_ties_keep_the_last_index_when_the_body_says_so() {
  %x = stablehlo.constant dense<[[1.0, 5.0, 5.0], [7.0, 2.0, 7.0], [3.0, 3.0, 3.0]]> : tensor<3x3xf32>
  %idx = stablehlo.iota dim = 1 : tensor<3x3xi32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %zero = stablehlo.constant dense<0> : tensor<i32>
  %r:2 = stablehlo.reduce(%x init: %ninf), (%idx init: %zero) across dimensions = [1] : (tensor<3x3xf32>, tensor<3x3xi32>, tensor<f32>, tensor<i32>) -> (tensor<3xf32>, tensor<3xi32>)
   reducer(%a: tensor<f32>, %b: tensor<f32>) (%ai: tensor<i32>, %bi: tensor<i32>) {
    // Take the newer element whenever it is not smaller: ties move to the later index.
    %ge = stablehlo.compare GE, %b, %a, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %v = stablehlo.select %ge, %b, %a : tensor<i1>, tensor<f32>
    %i = stablehlo.select %ge, %bi, %ai : tensor<i1>, tensor<i32>
    stablehlo.return %v, %i : tensor<f32>, tensor<i32>
  }
  check.expect_eq_const %r#1, dense<[2, 2, 2]> : tensor<3xi32>
  func.return
}

func.func @bf16_sum_rounds_every_step() {
  // Each 1 + 2^-8 is a tie that rounds back to 1, so the bf16 sum never moves.
  %x = stablehlo.constant dense<[1.0, 0.00390625, 0.00390625, 0.00390625, 0.00390625]> : tensor<5xbf16>
  %z = stablehlo.constant dense<0.0> : tensor<bf16>
  %r = stablehlo.reduce(%x init: %z) applies stablehlo.add across dimensions = [0] : (tensor<5xbf16>, tensor<bf16>) -> tensor<bf16>
  check.expect_eq_const %r, dense<1.0> : tensor<bf16>
  func.return
}
