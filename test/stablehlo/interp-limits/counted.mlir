// A loop of 100000 iterations (about 400000 interpreted ops): over a --max-steps of 100000, under the default.
func.func @counted() {
  %c0 = stablehlo.constant dense<0> : tensor<i32>
  %r = stablehlo.while(%i = %c0) : tensor<i32>
    cond {
      %n = stablehlo.constant dense<100000> : tensor<i32>
      %lt = stablehlo.compare LT, %i, %n : (tensor<i32>, tensor<i32>) -> tensor<i1>
      stablehlo.return %lt : tensor<i1>
    } do {
      %one = stablehlo.constant dense<1> : tensor<i32>
      %n = stablehlo.add %i, %one : tensor<i32>
      stablehlo.return %n : tensor<i32>
    }
  check.expect_eq_const %r, dense<100000> : tensor<i32>
  func.return
}
