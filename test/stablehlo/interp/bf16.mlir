// bf16 results are rounded to nearest even after every op.

func.func @bf16_add_rounds_each_op() {
  // 1 + 2^-8 is not a bf16: the sum rounds (tie) to 1, twice, instead of reaching 1 + 2^-7.
  %one = stablehlo.constant dense<1.0> : tensor<bf16>
  %eps = stablehlo.constant dense<0.00390625> : tensor<bf16>
  %a = stablehlo.add %one, %eps : tensor<bf16>
  %b = stablehlo.add %a, %eps : tensor<bf16>
  check.expect_eq_const %b, dense<1.0> : tensor<bf16>
  func.return
}

func.func @bf16_multiply_rounds_up() {
  // 1.5 * 1.0078125 = 1.51171875 lies halfway between bf16 neighbours 1.5078125 and 1.515625: the even one wins.
  %a = stablehlo.constant dense<1.5> : tensor<bf16>
  %b = stablehlo.constant dense<1.0078125> : tensor<bf16>
  %c = stablehlo.multiply %a, %b : tensor<bf16>
  check.expect_eq_const %c, dense<1.515625> : tensor<bf16>
  func.return
}

func.func @bf16_constants_are_rounded() {
  %c = stablehlo.constant dense<[3.14159265, 1.01171875]> : tensor<2xbf16>
  %f = stablehlo.convert %c : (tensor<2xbf16>) -> tensor<2xf32>
  check.expect_eq_const %f, dense<[3.140625, 1.015625]> : tensor<2xf32>
  func.return
}

func.func @bf16_transcendental() {
  %x = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xbf16>
  %e = stablehlo.exponential %x : tensor<2xbf16>
  // e = 2.71828 -> 2.71875; e^2 = 7.389 -> 7.375
  check.expect_eq_const %e, dense<[2.71875, 7.375]> : tensor<2xbf16>
  func.return
}
