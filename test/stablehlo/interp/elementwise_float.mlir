// Float elementwise ops. +, -, *, / and sqrt are correctly rounded to f32, so they are checked
// exactly; transcendental functions within the default tolerance.

func.func @binary_arith_f32() {
  %a = stablehlo.constant dense<[7.5, -7.5, 1.0, 0.1]> : tensor<4xf32>
  %b = stablehlo.constant dense<[2.0, 2.0, 3.0, 0.2]> : tensor<4xf32>
  %add = stablehlo.add %a, %b : tensor<4xf32>
  %sub = stablehlo.subtract %a, %b : tensor<4xf32>
  %mul = stablehlo.multiply %a, %b : tensor<4xf32>
  %div = stablehlo.divide %a, %b : tensor<4xf32>
  %rem = stablehlo.remainder %a, %b : tensor<4xf32>
  %max = stablehlo.maximum %a, %b : tensor<4xf32>
  %min = stablehlo.minimum %a, %b : tensor<4xf32>
  %pow = stablehlo.power %a, %b : tensor<4xf32>
  check.expect_eq_const %add, dense<[9.5, -5.5, 4.0, 0.30000001192092896]> : tensor<4xf32>
  check.expect_eq_const %sub, dense<[5.5, -9.5, -2.0, -0.1]> : tensor<4xf32>
  check.expect_eq_const %mul, dense<[15.0, -15.0, 3.0, 0.020000001415610313]> : tensor<4xf32>
  check.expect_eq_const %div, dense<[3.75, -3.75, 0.3333333432674408, 0.5]> : tensor<4xf32>
  // remainder takes the sign of the dividend (fmod).
  check.expect_eq_const %rem, dense<[1.5, -1.5, 1.0, 0.10000000149011612]> : tensor<4xf32>
  check.expect_eq_const %max, dense<[7.5, 2.0, 3.0, 0.2]> : tensor<4xf32>
  check.expect_eq_const %min, dense<[2.0, -7.5, 1.0, 0.1]> : tensor<4xf32>
  check.expect_almost_eq_const %pow, dense<[56.25, 56.25, 1.0, 0.6309573650360107]> : tensor<4xf32>
  func.return
}

func.func @nan_propagates_through_max_min() {
  %a = stablehlo.constant dense<[0x7FC00000, 1.0]> : tensor<2xf32>
  %b = stablehlo.constant dense<[1.0, 0x7FC00000]> : tensor<2xf32>
  %max = stablehlo.maximum %a, %b : tensor<2xf32>
  %min = stablehlo.minimum %a, %b : tensor<2xf32>
  check.expect_eq_const %max, dense<[0x7FC00000, 0x7FC00000]> : tensor<2xf32>
  check.expect_eq_const %min, dense<[0x7FC00000, 0x7FC00000]> : tensor<2xf32>
  func.return
}

func.func @unary_f32() {
  %x = stablehlo.constant dense<[0.5, -1.25, 2.0, 3.0]> : tensor<4xf32>
  %neg = stablehlo.negate %x : tensor<4xf32>
  %abs = stablehlo.abs %x : tensor<4xf32>
  %exp = stablehlo.exponential %x : tensor<4xf32>
  %tanh = stablehlo.tanh %x : tensor<4xf32>
  %sin = stablehlo.sine %x : tensor<4xf32>
  %cos = stablehlo.cosine %x : tensor<4xf32>
  %sig = stablehlo.logistic %x : tensor<4xf32>
  check.expect_eq_const %neg, dense<[-0.5, 1.25, -2.0, -3.0]> : tensor<4xf32>
  check.expect_eq_const %abs, dense<[0.5, 1.25, 2.0, 3.0]> : tensor<4xf32>
  check.expect_almost_eq_const %exp, dense<[1.6487212181091309, 0.2865048050880432, 7.389056205749512, 20.08553695678711]> : tensor<4xf32>
  check.expect_almost_eq_const %tanh, dense<[0.46211716532707214, -0.8482836484909058, 0.9640275835990906, 0.9950547814369202]> : tensor<4xf32>
  check.expect_almost_eq_const %sin, dense<[0.4794255495071411, -0.9489846229553223, 0.9092974066734314, 0.14112000167369843]> : tensor<4xf32>
  check.expect_almost_eq_const %cos, dense<[0.8775825500488281, 0.3153223693370819, -0.416146844625473, -0.9899924993515015]> : tensor<4xf32>
  check.expect_almost_eq_const %sig, dense<[0.622459352016449, 0.22270013391971588, 0.8807970881462097, 0.9525741338729858]> : tensor<4xf32>
  func.return
}

func.func @unary_positive_f32() {
  %y = stablehlo.constant dense<[0.5, 1.25, 2.0, 3.0]> : tensor<4xf32>
  %log = stablehlo.log %y : tensor<4xf32>
  %sqrt = stablehlo.sqrt %y : tensor<4xf32>
  %rsqrt = stablehlo.rsqrt %y : tensor<4xf32>
  check.expect_almost_eq_const %log, dense<[-0.6931471824645996, 0.2231435477733612, 0.6931471824645996, 1.0986123085021973]> : tensor<4xf32>
  check.expect_eq_const %sqrt, dense<[0.7071067690849304, 1.1180340051651, 1.4142135381698608, 1.7320507764816284]> : tensor<4xf32>
  check.expect_almost_eq_const %rsqrt, dense<[1.4142135381698608, 0.8944271802902222, 0.7071067690849304, 0.5773502588272095]> : tensor<4xf32>
  func.return
}

func.func @rounding_and_sign_f32() {
  %x = stablehlo.constant dense<[-2.5, -0.5, 0.0, 1.5, 2.7]> : tensor<5xf32>
  %floor = stablehlo.floor %x : tensor<5xf32>
  %ceil = stablehlo.ceil %x : tensor<5xf32>
  %sign = stablehlo.sign %x : tensor<5xf32>
  check.expect_eq_const %floor, dense<[-3.0, -1.0, 0.0, 1.0, 2.0]> : tensor<5xf32>
  check.expect_eq_const %ceil, dense<[-2.0, -0.0, 0.0, 2.0, 3.0]> : tensor<5xf32>
  check.expect_eq_const %sign, dense<[-1.0, -1.0, 0.0, 1.0, 1.0]> : tensor<5xf32>
  func.return
}

func.func @f64_keeps_double_precision() {
  %a = stablehlo.constant dense<0.1> : tensor<f64>
  %b = stablehlo.constant dense<0.2> : tensor<f64>
  %c = stablehlo.add %a, %b : tensor<f64>
  check.expect_eq_const %c, dense<0.30000000000000004> : tensor<f64>
  func.return
}
