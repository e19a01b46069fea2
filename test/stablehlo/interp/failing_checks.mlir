// Deliberately failing: interpreter-files.test.ts asserts these are reported as failures, with
// their locations, and that the passing check and the other functions are still reported.

func.func @one_pass_one_fail() {
  %a = stablehlo.constant dense<[1, 2, 3]> : tensor<3xi32>
  %b = stablehlo.add %a, %a : tensor<3xi32>
  check.expect_eq_const %b, dense<[2, 4, 6]> : tensor<3xi32>
  check.expect_eq_const %b, dense<[2, 4, 7]> : tensor<3xi32>
  func.return
}

func.func @outside_tolerance() {
  %a = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  check.expect_almost_eq_const %a, dense<[1.0, 2.001]> : tensor<2xf32>
  check.expect_almost_eq_const %a, dense<[1.0, 2.001]> : tensor<2xf32>, tolerance = 0.01
  func.return
}

func.func @unknown_op() {
  %a = stablehlo.constant dense<[1.0]> : tensor<1xf32>
  %b = "stablehlo.fft"(%a) : (tensor<1xf32>) -> tensor<1xf32>
  func.return
}
