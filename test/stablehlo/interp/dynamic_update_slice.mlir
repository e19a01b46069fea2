// dynamic_update_slice clamps each start index to [0, dim - update size]: an out-of-range write
// lands at the edge instead of being dropped (what makes a cache write at capacity corrupt data).

func.func @in_range() {
  %x = stablehlo.constant dense<[[0, 0, 0], [0, 0, 0], [0, 0, 0]]> : tensor<3x3xi32>
  %u = stablehlo.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %i = stablehlo.constant dense<1> : tensor<i32>
  %j = stablehlo.constant dense<0> : tensor<i32>
  %r = stablehlo.dynamic_update_slice %x, %u, %i, %j : (tensor<3x3xi32>, tensor<2x2xi32>, tensor<i32>, tensor<i32>) -> tensor<3x3xi32>
  check.expect_eq_const %r, dense<[[0, 0, 0], [1, 2, 0], [3, 4, 0]]> : tensor<3x3xi32>
  func.return
}

func.func @start_past_the_end_is_clamped() {
  %x = stablehlo.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %u = stablehlo.constant dense<[9.0, 8.0]> : tensor<2xf32>
  // Start 4 would run past the end; it clamps to 5 - 2 = 3.
  %i = stablehlo.constant dense<4> : tensor<i32>
  %r = stablehlo.dynamic_update_slice %x, %u, %i : (tensor<5xf32>, tensor<2xf32>, tensor<i32>) -> tensor<5xf32>
  check.expect_eq_const %r, dense<[1.0, 2.0, 3.0, 9.0, 8.0]> : tensor<5xf32>
  func.return
}

func.func @negative_start_is_clamped_to_zero() {
  %x = stablehlo.constant dense<[[1, 2], [3, 4], [5, 6]]> : tensor<3x2xi32>
  %u = stablehlo.constant dense<[[7, 8]]> : tensor<1x2xi32>
  %i = stablehlo.constant dense<-1> : tensor<i32>
  %j = stablehlo.constant dense<100> : tensor<i32>
  %r = stablehlo.dynamic_update_slice %x, %u, %i, %j : (tensor<3x2xi32>, tensor<1x2xi32>, tensor<i32>, tensor<i32>) -> tensor<3x2xi32>
  check.expect_eq_const %r, dense<[[7, 8], [3, 4], [5, 6]]> : tensor<3x2xi32>
  func.return
}

func.func @operand_is_not_modified() {
  %x = stablehlo.constant dense<[1, 2, 3]> : tensor<3xi32>
  %u = stablehlo.constant dense<[0]> : tensor<1xi32>
  %i = stablehlo.constant dense<1> : tensor<i32>
  %r = stablehlo.dynamic_update_slice %x, %u, %i : (tensor<3xi32>, tensor<1xi32>, tensor<i32>) -> tensor<3xi32>
  check.expect_eq_const %r, dense<[1, 0, 3]> : tensor<3xi32>
  check.expect_eq_const %x, dense<[1, 2, 3]> : tensor<3xi32>
  func.return
}
