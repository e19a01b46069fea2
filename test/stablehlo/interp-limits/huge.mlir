// 14.4 GB of f32: refused by --max-bytes before anything is allocated, exit 2.
func.func @huge() {
  %z = stablehlo.constant dense<0.0> : tensor<60000x60000xf32>
  %s = stablehlo.constant dense<0.0> : tensor<f32>
  %r = stablehlo.reduce(%z init: %s) applies stablehlo.add across dimensions = [0, 1] : (tensor<60000x60000xf32>, tensor<f32>) -> tensor<f32>
  check.expect_eq_const %r, dense<0.0> : tensor<f32>
  func.return
}
