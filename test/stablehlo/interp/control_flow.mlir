// while, func.call, and regions that read values of the enclosing block.

func.func @while_counts_and_sums() {
  // for i in 0..5: acc += i
  %i0 = stablehlo.constant dense<0> : tensor<i32>
  %a0 = stablehlo.constant dense<0> : tensor<i32>
  %n = stablehlo.constant dense<5> : tensor<i32>
  %one = stablehlo.constant dense<1> : tensor<i32>
  %r:2 = stablehlo.while(%i = %i0, %acc = %a0) : tensor<i32>, tensor<i32>
   cond {
    %c = stablehlo.compare LT, %i, %n, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %c : tensor<i1>
  } do {
    %s = stablehlo.add %acc, %i : tensor<i32>
    %j = stablehlo.add %i, %one : tensor<i32>
    stablehlo.return %j, %s : tensor<i32>, tensor<i32>
  }
  check.expect_eq_const %r#0, dense<5> : tensor<i32>
  check.expect_eq_const %r#1, dense<10> : tensor<i32>
  func.return
}

func.func @while_that_never_runs() {
  %x = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %r = stablehlo.while(%v = %x) : tensor<2xf32>
   cond {
    %f = stablehlo.constant dense<false> : tensor<i1>
    stablehlo.return %f : tensor<i1>
  } do {
    %d = stablehlo.add %v, %v : tensor<2xf32>
    stablehlo.return %d : tensor<2xf32>
  }
  check.expect_eq_const %r, dense<[1.0, 2.0]> : tensor<2xf32>
  func.return
}

func.func private @square_plus(%x: tensor<2xf32>, %y: tensor<2xf32>) -> tensor<2xf32> {
  %s = stablehlo.multiply %x, %x : tensor<2xf32>
  %r = stablehlo.add %s, %y : tensor<2xf32>
  func.return %r : tensor<2xf32>
}

func.func private @two_results(%x: tensor<i32>) -> (tensor<i32>, tensor<i32>) {
  %n = stablehlo.negate %x : tensor<i32>
  func.return %x, %n : tensor<i32>, tensor<i32>
}

func.func @calls() {
  %a = stablehlo.constant dense<[3.0, -2.0]> : tensor<2xf32>
  %b = stablehlo.constant dense<[1.0, 0.5]> : tensor<2xf32>
  %r = func.call @square_plus(%a, %b) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  check.expect_eq_const %r, dense<[10.0, 4.5]> : tensor<2xf32>
  %c = stablehlo.constant dense<4> : tensor<i32>
  %p:2 = call @two_results(%c) : (tensor<i32>) -> (tensor<i32>, tensor<i32>)
  check.expect_eq_const %p#1, dense<-4> : tensor<i32>
  check.expect_eq %p#0, %c : tensor<i32>
  func.return
}
