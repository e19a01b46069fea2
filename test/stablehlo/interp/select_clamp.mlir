func.func @select_elementwise() {
  %p = stablehlo.constant dense<[[true, false], [false, true]]> : tensor<2x2xi1>
  %a = stablehlo.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %b = stablehlo.constant dense<[[-1.0, -2.0], [-3.0, -4.0]]> : tensor<2x2xf32>
  %r = stablehlo.select %p, %a, %b : tensor<2x2xi1>, tensor<2x2xf32>
  check.expect_eq_const %r, dense<[[1.0, -2.0], [-3.0, 4.0]]> : tensor<2x2xf32>
  func.return
}

func.func @select_scalar_predicate() {
  %p = stablehlo.constant dense<false> : tensor<i1>
  %a = stablehlo.constant dense<[1, 2]> : tensor<2xi32>
  %b = stablehlo.constant dense<[3, 4]> : tensor<2xi32>
  %r = "stablehlo.select"(%p, %a, %b) : (tensor<i1>, tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  check.expect_eq_const %r, dense<[3, 4]> : tensor<2xi32>
  func.return
}

func.func @clamp_tensor_and_scalar_bounds() {
  %lo = stablehlo.constant dense<[0, 5, -3]> : tensor<3xi32>
  %x = stablehlo.constant dense<[-1, 7, 2]> : tensor<3xi32>
  %hi = stablehlo.constant dense<[10, 6, 1]> : tensor<3xi32>
  %r = stablehlo.clamp %lo, %x, %hi : tensor<3xi32>
  check.expect_eq_const %r, dense<[0, 6, 1]> : tensor<3xi32>
  %slo = stablehlo.constant dense<0.0> : tensor<f32>
  %shi = stablehlo.constant dense<1.0> : tensor<f32>
  %y = stablehlo.constant dense<[-0.5, 0.25, 3.0]> : tensor<3xf32>
  %s = stablehlo.clamp %slo, %y, %shi : (tensor<f32>, tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  check.expect_eq_const %s, dense<[0.0, 0.25, 1.0]> : tensor<3xf32>
  func.return
}
