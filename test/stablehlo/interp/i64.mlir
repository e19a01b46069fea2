// i64 is exact: two's complement, every op wraps modulo 2^64 (values beyond 2^53 included).
// Division truncates toward zero; x / 0 = -1, x % 0 = x, INT64_MIN / -1 = INT64_MIN (as XLA).

func.func @multiply_wraps() {
  %a = stablehlo.constant dense<[1099511627776, 1099511627777, 3037000500, 9223372036854775807, -9223372036854775808, -9007199254740993]> : tensor<6xi64>
  %b = stablehlo.constant dense<[1073741824, 1073741827, 3037000500, 2, -1, 3]> : tensor<6xi64>
  %mul = stablehlo.multiply %a, %b : tensor<6xi64>
  // 2^40 * 2^30 = 2^70 wraps to 0; (2^40 + 1)(2^30 + 3) keeps only its low 64 bits.
  check.expect_eq_const %mul, dense<[0, 3299608625155, -9223372036709301616, -2, -9223372036854775808, -27021597764222979]> : tensor<6xi64>
  func.return
}

func.func @add_subtract_wrap() {
  %a = stablehlo.constant dense<[9223372036854775807, -9223372036854775808, 9007199254740993, -9007199254740993]> : tensor<4xi64>
  %b = stablehlo.constant dense<[1, -1, 1, 3]> : tensor<4xi64>
  %add = stablehlo.add %a, %b : tensor<4xi64>
  %sub = stablehlo.subtract %a, %b : tensor<4xi64>
  check.expect_eq_const %add, dense<[-9223372036854775808, 9223372036854775807, 9007199254740994, -9007199254740990]> : tensor<4xi64>
  check.expect_eq_const %sub, dense<[9223372036854775806, -9223372036854775807, 9007199254740992, -9007199254740996]> : tensor<4xi64>
  func.return
}

func.func @divide_remainder_truncate() {
  %a = stablehlo.constant dense<[9007199254740993, -9007199254740993, -9223372036854775808, -9223372036854775808, 12345678901234567, 7]> : tensor<6xi64>
  %b = stablehlo.constant dense<[2, 2, -1, 0, -1000, 0]> : tensor<6xi64>
  %q = stablehlo.divide %a, %b : tensor<6xi64>
  %r = stablehlo.remainder %a, %b : tensor<6xi64>
  check.expect_eq_const %q, dense<[4503599627370496, -4503599627370496, -9223372036854775808, -1, -12345678901234, -1]> : tensor<6xi64>
  check.expect_eq_const %r, dense<[1, -1, 0, -9223372036854775808, 567, 7]> : tensor<6xi64>
  func.return
}

func.func @negate_abs_sign_min_max() {
  %a = stablehlo.constant dense<[-9223372036854775808, 9007199254740993, -9007199254740995, 0]> : tensor<4xi64>
  %b = stablehlo.constant dense<[9223372036854775807, 9007199254740992, -9007199254740994, -1]> : tensor<4xi64>
  %neg = stablehlo.negate %a : tensor<4xi64>
  %abs = stablehlo.abs %a : tensor<4xi64>
  %sign = stablehlo.sign %a : tensor<4xi64>
  %max = stablehlo.maximum %a, %b : tensor<4xi64>
  %min = stablehlo.minimum %a, %b : tensor<4xi64>
  check.expect_eq_const %neg, dense<[-9223372036854775808, -9007199254740993, 9007199254740995, 0]> : tensor<4xi64>
  check.expect_eq_const %abs, dense<[-9223372036854775808, 9007199254740993, 9007199254740995, 0]> : tensor<4xi64>
  check.expect_eq_const %sign, dense<[-1, 1, -1, 0]> : tensor<4xi64>
  check.expect_eq_const %max, dense<[9223372036854775807, 9007199254740993, -9007199254740994, 0]> : tensor<4xi64>
  check.expect_eq_const %min, dense<[-9223372036854775808, 9007199254740992, -9007199254740995, -1]> : tensor<4xi64>
  func.return
}

func.func @compare_beyond_2_53() {
  %a = stablehlo.constant dense<[9007199254740993, -1, 9007199254740992]> : tensor<3xi64>
  %b = stablehlo.constant dense<[9007199254740992, 1, 9007199254740992]> : tensor<3xi64>
  %gt = stablehlo.compare GT, %a, %b, SIGNED : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi1>
  %eq = stablehlo.compare EQ, %a, %b, SIGNED : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi1>
  check.expect_eq_const %gt, dense<[true, false, false]> : tensor<3xi1>
  check.expect_eq_const %eq, dense<[false, false, true]> : tensor<3xi1>
  func.return
}

func.func @shifts_and_bits() {
  %a = stablehlo.constant dense<[1, -9223372036854775808, -2, 81985529216486895]> : tensor<4xi64>
  %b = stablehlo.constant dense<[63, 1, 64, 4]> : tensor<4xi64>
  %l = stablehlo.shift_left %a, %b : tensor<4xi64>
  %ra = stablehlo.shift_right_arithmetic %a, %b : tensor<4xi64>
  %rl = stablehlo.shift_right_logical %a, %b : tensor<4xi64>
  %x = stablehlo.xor %a, %b : tensor<4xi64>
  %n = stablehlo.not %a : tensor<4xi64>
  %p = stablehlo.popcnt %a : tensor<4xi64>
  %c = stablehlo.count_leading_zeros %a : tensor<4xi64>
  check.expect_eq_const %l, dense<[-9223372036854775808, 0, 0, 1311768467463790320]> : tensor<4xi64>
  check.expect_eq_const %ra, dense<[0, -4611686018427387904, -1, 5124095576030430]> : tensor<4xi64>
  check.expect_eq_const %rl, dense<[0, 4611686018427387904, 0, 5124095576030430]> : tensor<4xi64>
  check.expect_eq_const %x, dense<[62, -9223372036854775807, -66, 81985529216486891]> : tensor<4xi64>
  check.expect_eq_const %n, dense<[-2, 9223372036854775807, 1, -81985529216486896]> : tensor<4xi64>
  check.expect_eq_const %p, dense<[1, 1, 63, 32]> : tensor<4xi64>
  check.expect_eq_const %c, dense<[63, 0, 0, 7]> : tensor<4xi64>
  func.return
}

func.func @power_wraps() {
  %a = stablehlo.constant dense<[3, 2, -1, 2]> : tensor<4xi64>
  %b = stablehlo.constant dense<[40, 64, 63, -1]> : tensor<4xi64>
  %p = stablehlo.power %a, %b : tensor<4xi64>
  // 3^40 = 12157665459056928801 wraps; 2^64 wraps to 0.
  check.expect_eq_const %p, dense<[-6289078614652622815, 0, -1, 0]> : tensor<4xi64>
  func.return
}

func.func @convert_to_and_from_i64() {
  %a = stablehlo.constant dense<[9007199254740993, -9223372036854775808, 4294967297, -1]> : tensor<4xi64>
  %i32 = stablehlo.convert %a : (tensor<4xi64>) -> tensor<4xi32>
  %f64 = stablehlo.convert %a : (tensor<4xi64>) -> tensor<4xf64>
  check.expect_eq_const %i32, dense<[1, 0, 1, -1]> : tensor<4xi32>
  check.expect_eq_const %f64, dense<[9007199254740992.0, -9223372036854775808.0, 4294967297.0, -1.0]> : tensor<4xf64>
  // To f32 in one rounding: 2^60 + 2^36 + 1 is just above the halfway point, so it rounds up
  // (through f64 first it would round twice and land on 2^60).
  %b = stablehlo.constant dense<1152921573326323713> : tensor<i64>
  %f32 = stablehlo.convert %b : (tensor<i64>) -> tensor<f32>
  check.expect_eq_const %f32, dense<1152921642045800448.0> : tensor<f32>
  // Float to i64 truncates toward zero and saturates; NaN gives 0.
  %f = stablehlo.constant dense<[1.0e19, -1.0e19, -2.75, 0x7FF8000000000000, 9007199254740993.0]> : tensor<5xf64>
  %i = stablehlo.convert %f : (tensor<5xf64>) -> tensor<5xi64>
  check.expect_eq_const %i, dense<[9223372036854775807, -9223372036854775808, -2, 0, 9007199254740992]> : tensor<5xi64>
  %j = stablehlo.constant dense<[-2147483648, 7]> : tensor<2xi32>
  %k = stablehlo.convert %j : (tensor<2xi32>) -> tensor<2xi64>
  %sq = stablehlo.multiply %k, %k : tensor<2xi64>
  check.expect_eq_const %sq, dense<[4611686018427387904, 49]> : tensor<2xi64>
  func.return
}

func.func @bitcast_f64_i64() {
  %f = stablehlo.constant dense<[1.0, -2.5]> : tensor<2xf64>
  %i = stablehlo.bitcast_convert %f : (tensor<2xf64>) -> tensor<2xi64>
  check.expect_eq_const %i, dense<[4607182418800017408, -4610560118520545280]> : tensor<2xi64>
  %back = stablehlo.bitcast_convert %i : (tensor<2xi64>) -> tensor<2xf64>
  check.expect_eq_const %back, dense<[1.0, -2.5]> : tensor<2xf64>
  func.return
}

func.func @hex_literal_is_exact() {
  // 0x0123456789ABCDEF little-endian, and -2 (all ones but the last bit).
  %a = stablehlo.constant dense<"0xEFCDAB8967452301FEFFFFFFFFFFFFFF"> : tensor<2xi64>
  check.expect_eq_const %a, dense<[81985529216486895, -2]> : tensor<2xi64>
  func.return
}

func.func @reduce_add_max_min() {
  %x = stablehlo.constant dense<[[9007199254740993, 1, 1], [9223372036854775807, 1, -5]]> : tensor<2x3xi64>
  %z = stablehlo.constant dense<0> : tensor<i64>
  %lo = stablehlo.constant dense<-9223372036854775808> : tensor<i64>
  %hi = stablehlo.constant dense<9223372036854775807> : tensor<i64>
  %sum = stablehlo.reduce(%x init: %z) applies stablehlo.add across dimensions = [1] : (tensor<2x3xi64>, tensor<i64>) -> tensor<2xi64>
  %max = stablehlo.reduce(%x init: %lo) applies stablehlo.maximum across dimensions = [0] : (tensor<2x3xi64>, tensor<i64>) -> tensor<3xi64>
  %min = stablehlo.reduce(%x init: %hi) applies stablehlo.minimum across dimensions = [0, 1] : (tensor<2x3xi64>, tensor<i64>) -> tensor<i64>
  check.expect_eq_const %sum, dense<[9007199254740995, 9223372036854775803]> : tensor<2xi64>
  check.expect_eq_const %max, dense<[9223372036854775807, 1, 1]> : tensor<3xi64>
  check.expect_eq_const %min, dense<-5> : tensor<i64>
  func.return
}

func.func @reduce_with_a_body() {
  // argmax over i64 values that doubles cannot tell apart.
  %x = stablehlo.constant dense<[9007199254740992, 9007199254740994, 9007199254740993]> : tensor<3xi64>
  %idx = stablehlo.iota dim = 0 : tensor<3xi64>
  %lo = stablehlo.constant dense<-9223372036854775808> : tensor<i64>
  %zero = stablehlo.constant dense<0> : tensor<i64>
  %r:2 = stablehlo.reduce(%x init: %lo), (%idx init: %zero) across dimensions = [0] : (tensor<3xi64>, tensor<3xi64>, tensor<i64>, tensor<i64>) -> (tensor<i64>, tensor<i64>)
   reducer(%a: tensor<i64>, %b: tensor<i64>) (%ai: tensor<i64>, %bi: tensor<i64>) {
    %ge = stablehlo.compare GE, %a, %b, SIGNED : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %v = stablehlo.select %ge, %a, %b : tensor<i1>, tensor<i64>
    %i = stablehlo.select %ge, %ai, %bi : tensor<i1>, tensor<i64>
    stablehlo.return %v, %i : tensor<i64>, tensor<i64>
  }
  check.expect_eq_const %r#0, dense<9007199254740994> : tensor<i64>
  check.expect_eq_const %r#1, dense<1> : tensor<i64>
  func.return
}

func.func @iota_dot_clamp_select() {
  %i = stablehlo.iota dim = 0 : tensor<3xi64>
  check.expect_eq_const %i, dense<[0, 1, 2]> : tensor<3xi64>
  %a = stablehlo.constant dense<[[1099511627776, 3], [1, 1]]> : tensor<2x2xi64>
  %b = stablehlo.constant dense<[[1073741824], [5]]> : tensor<2x1xi64>
  %d = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<2x2xi64>, tensor<2x1xi64>) -> tensor<2x1xi64>
  // 2^70 + 15 wraps to 15.
  check.expect_eq_const %d, dense<[[15], [1073741829]]> : tensor<2x1xi64>
  %lo = stablehlo.constant dense<9007199254740993> : tensor<i64>
  %hi = stablehlo.constant dense<9007199254740995> : tensor<i64>
  %x = stablehlo.constant dense<[9007199254740992, 9007199254740994, 9223372036854775807]> : tensor<3xi64>
  %c = stablehlo.clamp %lo, %x, %hi : (tensor<i64>, tensor<3xi64>, tensor<i64>) -> tensor<3xi64>
  check.expect_eq_const %c, dense<[9007199254740993, 9007199254740994, 9007199254740995]> : tensor<3xi64>
  %p = stablehlo.constant dense<[true, false, true]> : tensor<3xi1>
  %s = stablehlo.select %p, %x, %c : tensor<3xi1>, tensor<3xi64>
  check.expect_eq_const %s, dense<[9007199254740992, 9007199254740994, 9223372036854775807]> : tensor<3xi64>
  func.return
}

func.func @while_counts_in_i64() {
  // Doubles from 1 to 2^62 by repeated addition, then one more add wraps to INT64_MIN.
  %one = stablehlo.constant dense<1> : tensor<i64>
  %z = stablehlo.constant dense<0> : tensor<i64>
  %r:2 = stablehlo.while(%v = %one, %n = %z) : tensor<i64>, tensor<i64>
    cond {
      %k = stablehlo.constant dense<63> : tensor<i64>
      %lt = stablehlo.compare LT, %n, %k, SIGNED : (tensor<i64>, tensor<i64>) -> tensor<i1>
      stablehlo.return %lt : tensor<i1>
    } do {
      %v2 = stablehlo.add %v, %v : tensor<i64>
      %c1 = stablehlo.constant dense<1> : tensor<i64>
      %n2 = stablehlo.add %n, %c1 : tensor<i64>
      stablehlo.return %v2, %n2 : tensor<i64>, tensor<i64>
    }
  check.expect_eq_const %r#0, dense<-9223372036854775808> : tensor<i64>
  func.return
}
