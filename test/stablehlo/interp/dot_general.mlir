// dot_general: result dims are batch dims, then lhs free dims, then rhs free dims.

func.func @matmul() {
  %a = stablehlo.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %b = stablehlo.constant dense<[[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]]> : tensor<3x2xf32>
  %r = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x2xf32>
  check.expect_eq_const %r, dense<[[58.0, 64.0], [139.0, 154.0]]> : tensor<2x2xf32>
  func.return
}

func.func @batched_matmul() {
  %a = stablehlo.constant dense<[[[1, 2, 3], [4, 5, 6]], [[1, 0, 1], [0, 1, 0]]]> : tensor<2x2x3xi32>
  %b = stablehlo.constant dense<[[[1], [2], [3]], [[4], [5], [6]]]> : tensor<2x3x1xi32>
  %r = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<2x2x3xi32>, tensor<2x3x1xi32>) -> tensor<2x2x1xi32>
  check.expect_eq_const %r, dense<[[[14], [32]], [[10], [5]]]> : tensor<2x2x1xi32>
  func.return
}

func.func @batch_dims_not_leading() {
  // lhs is [k, b, m], rhs is [n, k, b]; the result is [b, m, n].
  %l = stablehlo.constant dense<[[[-3, -2, -1], [0, 1, 2]], [[3, 4, 5], [6, 7, 8]]]> : tensor<2x2x3xi32>
  %r = stablehlo.constant dense<[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]> : tensor<2x2x2xi32>
  %d = stablehlo.dot_general %l, %r, batching_dims = [1] x [2], contracting_dims = [0] x [1] : (tensor<2x2x3xi32>, tensor<2x2x2xi32>) -> tensor<2x3x2xi32>
  check.expect_eq_const %d, dense<[[[6, 6], [10, 18], [14, 30]], [[24, 48], [30, 62], [36, 76]]]> : tensor<2x3x2xi32>
  func.return
}

func.func @several_free_dims() {
  // lhs [a, k, c] . rhs [k, d, e] -> [a, c, d, e]
  %l = stablehlo.constant dense<[[[0.0, 1.0], [2.0, 3.0]], [[4.0, 5.0], [6.0, 7.0]]]> : tensor<2x2x2xf32>
  %r = stablehlo.constant dense<[[[-2.0, -1.0, 0.0]], [[1.0, 2.0, 3.0]]]> : tensor<2x1x3xf32>
  %d = stablehlo.dot_general %l, %r, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x2x2xf32>, tensor<2x1x3xf32>) -> tensor<2x2x1x3xf32>
  check.expect_eq_const %d, dense<[[[[2.0, 4.0, 6.0]], [[1.0, 5.0, 9.0]]], [[[-2.0, 8.0, 18.0]], [[-3.0, 9.0, 21.0]]]]> : tensor<2x2x1x3xf32>
  func.return
}

func.func @bf16_operands_accumulate_wide() {
  // 1 + 2^-8 + 2^-9: a bf16 running sum would stay at 1; the f32 result keeps every term.
  %a = stablehlo.constant dense<[1.0, 0.00390625, 0.001953125]> : tensor<3xbf16>
  %b = stablehlo.constant dense<[1.0, 1.0, 1.0]> : tensor<3xbf16>
  %r = stablehlo.dot_general %a, %b, contracting_dims = [0] x [0] : (tensor<3xbf16>, tensor<3xbf16>) -> tensor<f32>
  check.expect_eq_const %r, dense<1.005859375> : tensor<f32>
  // With a bf16 result the exact sum is rounded once: to 1.0078125.
  %s = stablehlo.dot_general %a, %b, contracting_dims = [0] x [0] : (tensor<3xbf16>, tensor<3xbf16>) -> tensor<bf16>
  check.expect_eq_const %s, dense<1.0078125> : tensor<bf16>
  func.return
}

func.func @outer_product_and_legacy_dot() {
  %a = stablehlo.constant dense<[1, 2]> : tensor<2xi32>
  %b = stablehlo.constant dense<[3, 4, 5]> : tensor<3xi32>
  %o = stablehlo.dot_general %a, %b, contracting_dims = [] x [] : (tensor<2xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  check.expect_eq_const %o, dense<[[3, 4, 5], [6, 8, 10]]> : tensor<2x3xi32>
  %m = stablehlo.constant dense<[[1, 0, 2], [0, 1, 0]]> : tensor<2x3xi32>
  %v = "stablehlo.dot"(%m, %b) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2xi32>
  check.expect_eq_const %v, dense<[13, 4]> : tensor<2xi32>
  func.return
}

func.func @contracting_dims_that_do_not_nest() {
  // Contract lhs dims 0 and 2 (not adjacent) against rhs dims 0 and 1: result[m] = sum_a,c l[a][m][c] * r[a][c].
  %l = stablehlo.constant dense<[[[1, 2], [3, 4], [5, 6]], [[7, 8], [9, 10], [11, 12]]]> : tensor<2x3x2xi32>
  %r = stablehlo.constant dense<[[1, -1], [2, 0]]> : tensor<2x2xi32>
  %d = stablehlo.dot_general %l, %r, contracting_dims = [0, 2] x [0, 1] : (tensor<2x3x2xi32>, tensor<2x2xi32>) -> tensor<3xi32>
  check.expect_eq_const %d, dense<[13, 17, 21]> : tensor<3xi32>
  // Pairs in listed order: lhs dim 1 with rhs dim 0, lhs dim 0 with rhs dim 1 (sum of a[q][p] * b[p][q]).
  %a = stablehlo.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %b = stablehlo.constant dense<[[5, 6], [7, 8]]> : tensor<2x2xi32>
  %t = stablehlo.dot_general %a, %b, contracting_dims = [1, 0] x [0, 1] : (tensor<2x2xi32>, tensor<2x2xi32>) -> tensor<i32>
  check.expect_eq_const %t, dense<69> : tensor<i32>
  func.return
}
