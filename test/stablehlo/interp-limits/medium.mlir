// 4 MB of f32 (1000x1000): over a --max-bytes of 1000000, under the default.
func.func @medium() {
  %z = stablehlo.constant dense<1.0> : tensor<1000x1000xf32>
  %s = stablehlo.constant dense<0.0> : tensor<f32>
  %r = stablehlo.reduce(%z init: %s) applies stablehlo.add across dimensions = [0, 1] : (tensor<1000x1000xf32>, tensor<f32>) -> tensor<f32>
  check.expect_eq_const %r, dense<1000000.0> : tensor<f32>
  func.return
}
