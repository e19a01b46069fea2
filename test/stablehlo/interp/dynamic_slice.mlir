// dynamic_slice clamps each start index to [0, dim - size].

func.func @in_range() {
  %x = stablehlo.constant dense<[[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]]> : tensor<3x4xi32>
  %i = stablehlo.constant dense<1> : tensor<i32>
  %j = stablehlo.constant dense<2> : tensor<i32>
  %r = stablehlo.dynamic_slice %x, %i, %j, sizes = [2, 2] : (tensor<3x4xi32>, tensor<i32>, tensor<i32>) -> tensor<2x2xi32>
  check.expect_eq_const %r, dense<[[12, 13], [22, 23]]> : tensor<2x2xi32>
  func.return
}

func.func @start_past_the_end_is_clamped() {
  %x = stablehlo.constant dense<[[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]]> : tensor<3x4xi32>
  // Row start 5 clamps to 3 - 2 = 1; column start 3 clamps to 4 - 2 = 2.
  %i = stablehlo.constant dense<5> : tensor<i32>
  %j = stablehlo.constant dense<3> : tensor<i32>
  %r = stablehlo.dynamic_slice %x, %i, %j, sizes = [2, 2] : (tensor<3x4xi32>, tensor<i32>, tensor<i32>) -> tensor<2x2xi32>
  check.expect_eq_const %r, dense<[[12, 13], [22, 23]]> : tensor<2x2xi32>
  func.return
}

func.func @negative_start_is_clamped_to_zero() {
  %x = stablehlo.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %i = stablehlo.constant dense<-3> : tensor<i64>
  %r = stablehlo.dynamic_slice %x, %i, sizes = [3] : (tensor<5xf32>, tensor<i64>) -> tensor<3xf32>
  check.expect_eq_const %r, dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  func.return
}

func.func @full_size_slice_ignores_start() {
  %x = stablehlo.constant dense<[1, 2, 3]> : tensor<3xi32>
  %i = stablehlo.constant dense<2> : tensor<i32>
  %r = stablehlo.dynamic_slice %x, %i, sizes = [3] : (tensor<3xi32>, tensor<i32>) -> tensor<3xi32>
  check.expect_eq_const %r, dense<[1, 2, 3]> : tensor<3xi32>
  func.return
}
