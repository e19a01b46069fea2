// Integer elementwise ops: truncating division, wrap-around, XLA's division by zero, bitwise ops.

func.func @divide_truncates_toward_zero() {
  %a = stablehlo.constant dense<[7, -7, 7, -7, 5, -2147483648]> : tensor<6xi32>
  %b = stablehlo.constant dense<[2, 2, -2, -2, 0, -1]> : tensor<6xi32>
  %q = stablehlo.divide %a, %b : tensor<6xi32>
  %r = stablehlo.remainder %a, %b : tensor<6xi32>
  // x / 0 = -1, INT_MIN / -1 = INT_MIN; x % 0 = x.
  check.expect_eq_const %q, dense<[3, -3, -3, 3, -1, -2147483648]> : tensor<6xi32>
  check.expect_eq_const %r, dense<[1, -1, 1, -1, 5, 0]> : tensor<6xi32>
  func.return
}

func.func @i32_wraps() {
  %a = stablehlo.constant dense<[2147483647, -2147483648, 65536]> : tensor<3xi32>
  %b = stablehlo.constant dense<[1, -1, 65536]> : tensor<3xi32>
  %add = stablehlo.add %a, %b : tensor<3xi32>
  %mul = stablehlo.multiply %a, %b : tensor<3xi32>
  %neg = stablehlo.negate %a : tensor<3xi32>
  %abs = stablehlo.abs %a : tensor<3xi32>
  check.expect_eq_const %add, dense<[-2147483648, 2147483647, 131072]> : tensor<3xi32>
  check.expect_eq_const %mul, dense<[2147483647, -2147483648, 0]> : tensor<3xi32>
  check.expect_eq_const %neg, dense<[-2147483647, -2147483648, -65536]> : tensor<3xi32>
  check.expect_eq_const %abs, dense<[2147483647, -2147483648, 65536]> : tensor<3xi32>
  func.return
}

func.func @ui32_wraps() {
  %a = stablehlo.constant dense<[0, 4294967295, 10]> : tensor<3xui32>
  %b = stablehlo.constant dense<[1, 1, 3]> : tensor<3xui32>
  %sub = stablehlo.subtract %a, %b : tensor<3xui32>
  %add = stablehlo.add %a, %b : tensor<3xui32>
  %div = stablehlo.divide %a, %b : tensor<3xui32>
  %max = stablehlo.maximum %a, %b : tensor<3xui32>
  check.expect_eq_const %sub, dense<[4294967295, 4294967294, 7]> : tensor<3xui32>
  check.expect_eq_const %add, dense<[1, 0, 13]> : tensor<3xui32>
  check.expect_eq_const %div, dense<[0, 4294967295, 3]> : tensor<3xui32>
  check.expect_eq_const %max, dense<[1, 4294967295, 10]> : tensor<3xui32>
  func.return
}

func.func @i64_arithmetic() {
  %a = stablehlo.constant dense<[4294967296, -9, 3000000000]> : tensor<3xi64>
  %b = stablehlo.constant dense<[3, 4, 3]> : tensor<3xi64>
  %mul = stablehlo.multiply %a, %b : tensor<3xi64>
  %div = stablehlo.divide %a, %b : tensor<3xi64>
  %and = stablehlo.and %a, %b : tensor<3xi64>
  check.expect_eq_const %mul, dense<[12884901888, -36, 9000000000]> : tensor<3xi64>
  check.expect_eq_const %div, dense<[1431655765, -2, 1000000000]> : tensor<3xi64>
  check.expect_eq_const %and, dense<[0, 4, 0]> : tensor<3xi64>
  func.return
}

func.func @power_i32() {
  %a = stablehlo.constant dense<[2, -3, 2, 1, -1, 5]> : tensor<6xi32>
  %b = stablehlo.constant dense<[10, 3, -1, -5, -3, 0]> : tensor<6xi32>
  %p = stablehlo.power %a, %b : tensor<6xi32>
  check.expect_eq_const %p, dense<[1024, -27, 0, 1, -1, 1]> : tensor<6xi32>
  func.return
}

func.func @bitwise_i32() {
  %a = stablehlo.constant dense<[12, -1, 5]> : tensor<3xi32>
  %b = stablehlo.constant dense<[10, 255, 3]> : tensor<3xi32>
  %and = stablehlo.and %a, %b : tensor<3xi32>
  %or = stablehlo.or %a, %b : tensor<3xi32>
  %xor = stablehlo.xor %a, %b : tensor<3xi32>
  %not = stablehlo.not %a : tensor<3xi32>
  %sign = stablehlo.sign %a : tensor<3xi32>
  check.expect_eq_const %and, dense<[8, 255, 1]> : tensor<3xi32>
  check.expect_eq_const %or, dense<[14, -1, 7]> : tensor<3xi32>
  check.expect_eq_const %xor, dense<[6, -256, 6]> : tensor<3xi32>
  check.expect_eq_const %not, dense<[-13, 0, -6]> : tensor<3xi32>
  check.expect_eq_const %sign, dense<[1, -1, 1]> : tensor<3xi32>
  func.return
}

func.func @logic_i1() {
  %a = stablehlo.constant dense<[true, true, false, false]> : tensor<4xi1>
  %b = stablehlo.constant dense<[true, false, true, false]> : tensor<4xi1>
  %and = stablehlo.and %a, %b : tensor<4xi1>
  %or = stablehlo.or %a, %b : tensor<4xi1>
  %xor = stablehlo.xor %a, %b : tensor<4xi1>
  %not = stablehlo.not %a : tensor<4xi1>
  check.expect_eq_const %and, dense<[true, false, false, false]> : tensor<4xi1>
  check.expect_eq_const %or, dense<[true, true, true, false]> : tensor<4xi1>
  check.expect_eq_const %xor, dense<[false, true, true, false]> : tensor<4xi1>
  check.expect_eq_const %not, dense<[false, false, true, true]> : tensor<4xi1>
  func.return
}

func.func @shifts_i32() {
  %a = stablehlo.constant dense<[1, -16, -16, 7]> : tensor<4xi32>
  %b = stablehlo.constant dense<[4, 2, 2, 32]> : tensor<4xi32>
  %l = stablehlo.shift_left %a, %b : tensor<4xi32>
  %ra = stablehlo.shift_right_arithmetic %a, %b : tensor<4xi32>
  %rl = stablehlo.shift_right_logical %a, %b : tensor<4xi32>
  check.expect_eq_const %l, dense<[16, -64, -64, 0]> : tensor<4xi32>
  check.expect_eq_const %ra, dense<[0, -4, -4, 0]> : tensor<4xi32>
  check.expect_eq_const %rl, dense<[0, 1073741820, 1073741820, 0]> : tensor<4xi32>
  func.return
}
