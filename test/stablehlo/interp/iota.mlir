func.func @iota_dim0() {
  %r = stablehlo.iota dim = 0 : tensor<3x2xi32>
  check.expect_eq_const %r, dense<[[0, 0], [1, 1], [2, 2]]> : tensor<3x2xi32>
  func.return
}

func.func @iota_dim1_float() {
  %r = stablehlo.iota dim = 1 : tensor<2x3xf32>
  check.expect_eq_const %r, dense<[[0.0, 1.0, 2.0], [0.0, 1.0, 2.0]]> : tensor<2x3xf32>
  func.return
}

func.func @iota_middle_dim() {
  %r = stablehlo.iota dim = 1 : tensor<2x2x2xi64>
  check.expect_eq_const %r, dense<[[[0, 0], [1, 1]], [[0, 0], [1, 1]]]> : tensor<2x2x2xi64>
  func.return
}
