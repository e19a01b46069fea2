// convert: float -> int truncates toward zero; int -> float rounds; -> i1 is `!= 0`.

func.func @float_to_int_truncates() {
  %x = stablehlo.constant dense<[2.7, -2.7, 0.5, -0.5, 100.0]> : tensor<5xf32>
  %i = stablehlo.convert %x : (tensor<5xf32>) -> tensor<5xi32>
  check.expect_eq_const %i, dense<[2, -2, 0, 0, 100]> : tensor<5xi32>
  func.return
}

func.func @int_to_float_rounds_to_f32() {
  // 16777217 = 2^24 + 1 is not an f32; it rounds to even (2^24).
  %x = stablehlo.constant dense<[16777217, -3, 7]> : tensor<3xi32>
  %f = stablehlo.convert %x : (tensor<3xi32>) -> tensor<3xf32>
  check.expect_eq_const %f, dense<[16777216.0, -3.0, 7.0]> : tensor<3xf32>
  func.return
}

func.func @to_and_from_i1() {
  %x = stablehlo.constant dense<[0.0, -0.0, 0.25, -3.0]> : tensor<4xf32>
  %b = stablehlo.convert %x : (tensor<4xf32>) -> tensor<4xi1>
  check.expect_eq_const %b, dense<[false, false, true, true]> : tensor<4xi1>
  %n = stablehlo.constant dense<[0, 2, -1]> : tensor<3xi32>
  %nb = stablehlo.convert %n : (tensor<3xi32>) -> tensor<3xi1>
  check.expect_eq_const %nb, dense<[false, true, true]> : tensor<3xi1>
  %back = stablehlo.convert %b : (tensor<4xi1>) -> tensor<4xf32>
  check.expect_eq_const %back, dense<[0.0, 0.0, 1.0, 1.0]> : tensor<4xf32>
  func.return
}

func.func @integer_widths() {
  %x = stablehlo.constant dense<[-1, 5]> : tensor<2xi32>
  %u = stablehlo.convert %x : (tensor<2xi32>) -> tensor<2xui32>
  check.expect_eq_const %u, dense<[4294967295, 5]> : tensor<2xui32>
  %w = stablehlo.convert %x : (tensor<2xi32>) -> tensor<2xi64>
  check.expect_eq_const %w, dense<[-1, 5]> : tensor<2xi64>
  %big = stablehlo.constant dense<[4294967297, -4294967295]> : tensor<2xi64>
  %n = stablehlo.convert %big : (tensor<2xi64>) -> tensor<2xi32>
  check.expect_eq_const %n, dense<[1, 1]> : tensor<2xi32>
  func.return
}

func.func @f32_to_bf16_and_back() {
  // 1 + 2^-8 is a tie between 1 and 1 + 2^-7: to even (1). 1 + 3*2^-8 rounds up to 1 + 2^-6.
  %x = stablehlo.constant dense<[1.00390625, 1.01171875, 1.005, -2.0]> : tensor<4xf32>
  %b = stablehlo.convert %x : (tensor<4xf32>) -> tensor<4xbf16>
  %f = stablehlo.convert %b : (tensor<4xbf16>) -> tensor<4xf32>
  check.expect_eq_const %f, dense<[1.0, 1.015625, 1.0078125, -2.0]> : tensor<4xf32>
  func.return
}

func.func @f64_to_f32() {
  %x = stablehlo.constant dense<[0.1, 1.0e40]> : tensor<2xf64>
  %f = stablehlo.convert %x : (tensor<2xf64>) -> tensor<2xf32>
  check.expect_eq_const %f, dense<[0.10000000149011612, 0x7F800000]> : tensor<2xf32>
  func.return
}

func.func @f64_and_wide_ints_to_bf16_round_once() {
  // 1 + 2^-8 + 2^-40 is above the bf16 tie, but its f32 rounding is exactly the tie:
  // rounding once gives 1 + 2^-7, rounding through f32 would give 1.
  %x = stablehlo.constant dense<[1.0039062500009095, 1.00390625, -1.0039062500009095]> : tensor<3xf64>
  %b = stablehlo.convert %x : (tensor<3xf64>) -> tensor<3xbf16>
  check.expect_eq_const %b, dense<[1.0078125, 1.0, -1.0078125]> : tensor<3xbf16>
  // 2^24 + 2^16 + 1 sits just above a bf16 tie; its f32 rounding lands on the tie.
  %i = stablehlo.constant dense<16842753> : tensor<i32>
  %c = stablehlo.convert %i : (tensor<i32>) -> tensor<bf16>
  check.expect_eq_const %c, dense<16908288.0> : tensor<bf16>
  func.return
}
