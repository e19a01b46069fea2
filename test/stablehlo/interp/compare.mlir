// compare: every direction, and each comparison type.

func.func @directions_signed() {
  %a = stablehlo.constant dense<[1, 2, 3]> : tensor<3xi32>
  %b = stablehlo.constant dense<[2, 2, 2]> : tensor<3xi32>
  %eq = stablehlo.compare EQ, %a, %b, SIGNED : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi1>
  %ne = stablehlo.compare NE, %a, %b, SIGNED : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi1>
  %ge = stablehlo.compare GE, %a, %b, SIGNED : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi1>
  %gt = stablehlo.compare GT, %a, %b, SIGNED : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi1>
  %le = stablehlo.compare LE, %a, %b, SIGNED : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi1>
  %lt = stablehlo.compare LT, %a, %b, SIGNED : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi1>
  check.expect_eq_const %eq, dense<[false, true, false]> : tensor<3xi1>
  check.expect_eq_const %ne, dense<[true, false, true]> : tensor<3xi1>
  check.expect_eq_const %ge, dense<[false, true, true]> : tensor<3xi1>
  check.expect_eq_const %gt, dense<[false, false, true]> : tensor<3xi1>
  check.expect_eq_const %le, dense<[true, true, false]> : tensor<3xi1>
  check.expect_eq_const %lt, dense<[true, false, false]> : tensor<3xi1>
  func.return
}

func.func @unsigned_vs_signed() {
  %a = stablehlo.constant dense<[-1, 0]> : tensor<2xi32>
  %b = stablehlo.constant dense<[1, 1]> : tensor<2xi32>
  %s = stablehlo.compare LT, %a, %b, SIGNED : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi1>
  // The same bits as unsigned: -1 is 0xFFFFFFFF (UNSIGNED needs an unsigned element type).
  %au = stablehlo.constant dense<[4294967295, 0]> : tensor<2xui32>
  %bu = stablehlo.constant dense<[1, 1]> : tensor<2xui32>
  %u = stablehlo.compare LT, %au, %bu, UNSIGNED : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xi1>
  check.expect_eq_const %s, dense<[true, true]> : tensor<2xi1>
  check.expect_eq_const %u, dense<[false, true]> : tensor<2xi1>
  %c = stablehlo.constant dense<[4294967295, 3]> : tensor<2xui32>
  %d = stablehlo.constant dense<[1, 3]> : tensor<2xui32>
  %g = stablehlo.compare GT, %c, %d, UNSIGNED : (tensor<2xui32>, tensor<2xui32>) -> tensor<2xi1>
  check.expect_eq_const %g, dense<[true, false]> : tensor<2xi1>
  func.return
}

func.func @float_nan_is_unordered() {
  %a = stablehlo.constant dense<[0x7FC00000, 1.0, -0.0]> : tensor<3xf32>
  %b = stablehlo.constant dense<[0x7FC00000, 0x7FC00000, 0.0]> : tensor<3xf32>
  %eq = stablehlo.compare EQ, %a, %b, FLOAT : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %ne = stablehlo.compare NE, %a, %b, FLOAT : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %lt = stablehlo.compare LT, %a, %b, FLOAT : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  check.expect_eq_const %eq, dense<[false, false, true]> : tensor<3xi1>
  check.expect_eq_const %ne, dense<[true, true, false]> : tensor<3xi1>
  check.expect_eq_const %lt, dense<[false, false, false]> : tensor<3xi1>
  func.return
}

func.func @totalorder() {
  // -NaN < -inf < -1 < -0 < +0 < 1 < inf < NaN
  %a = stablehlo.constant dense<[-0.0, 0x7FC00000, 0xFFC00000, 0x7FC00000, 0xFF800000]> : tensor<5xf32>
  %b = stablehlo.constant dense<[0.0, 0x7F800000, 0xFF800000, 0x7FC00000, -1.0]> : tensor<5xf32>
  %lt = stablehlo.compare LT, %a, %b, TOTALORDER : (tensor<5xf32>, tensor<5xf32>) -> tensor<5xi1>
  %eq = stablehlo.compare EQ, %a, %b, TOTALORDER : (tensor<5xf32>, tensor<5xf32>) -> tensor<5xi1>
  check.expect_eq_const %lt, dense<[true, false, true, false, true]> : tensor<5xi1>
  check.expect_eq_const %eq, dense<[false, false, false, true, false]> : tensor<5xi1>
  func.return
}

func.func @totalorder_f64() {
  %a = stablehlo.constant dense<[-0.0, 2.5, 0x7FF8000000000000]> : tensor<3xf64>
  %b = stablehlo.constant dense<[0.0, 2.5, 1.0]> : tensor<3xf64>
  %lt = stablehlo.compare LT, %a, %b, TOTALORDER : (tensor<3xf64>, tensor<3xf64>) -> tensor<3xi1>
  %ge = stablehlo.compare GE, %a, %b, TOTALORDER : (tensor<3xf64>, tensor<3xf64>) -> tensor<3xi1>
  check.expect_eq_const %lt, dense<[true, false, false]> : tensor<3xi1>
  check.expect_eq_const %ge, dense<[false, true, true]> : tensor<3xi1>
  func.return
}

func.func @compare_i1_and_default_type() {
  %a = stablehlo.constant dense<[true, false]> : tensor<2xi1>
  %b = stablehlo.constant dense<[false, false]> : tensor<2xi1>
  %gt = stablehlo.compare GT, %a, %b : (tensor<2xi1>, tensor<2xi1>) -> tensor<2xi1>
  check.expect_eq_const %gt, dense<[true, false]> : tensor<2xi1>
  func.return
}
