// gather with the spec's dimension numbers. Start indices are clamped so the slice fits.

func.func @embedding_lookup() {
  %table = stablehlo.constant dense<[[0, 1, 2], [10, 11, 12], [20, 21, 22], [30, 31, 32]]> : tensor<4x3xi32>
  %ids = stablehlo.constant dense<[2, 0, 3]> : tensor<3xi32>
  %r = "stablehlo.gather"(%table, %ids) {dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 3>, indices_are_sorted = false} : (tensor<4x3xi32>, tensor<3xi32>) -> tensor<3x3xi32>
  check.expect_eq_const %r, dense<[[20, 21, 22], [0, 1, 2], [30, 31, 32]]> : tensor<3x3xi32>
  func.return
}

func.func @out_of_range_ids_are_clamped() {
  %table = stablehlo.constant dense<[[0.0, 1.0], [10.0, 11.0], [20.0, 21.0], [30.0, 31.0]]> : tensor<4x2xf32>
  %ids = stablehlo.constant dense<[[5], [-1]]> : tensor<2x1xi32>
  %r = "stablehlo.gather"(%table, %ids) {dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 2>} : (tensor<4x2xf32>, tensor<2x1xi32>) -> tensor<2x2xf32>
  check.expect_eq_const %r, dense<[[30.0, 31.0], [0.0, 1.0]]> : tensor<2x2xf32>
  func.return
}

func.func @two_dim_windows() {
  // x[i][j] = 10i + j. Window 2x2 at (1, 2), and at (0, 5) whose column clamps to 4 - 2 = 2.
  %x = stablehlo.constant dense<[[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]]> : tensor<3x4xi32>
  %idx = stablehlo.constant dense<[[1, 2], [0, 5]]> : tensor<2x2xi32>
  %r = "stablehlo.gather"(%x, %idx) {dimension_numbers = #stablehlo.gather<offset_dims = [1, 2], start_index_map = [0, 1], index_vector_dim = 1>, slice_sizes = array<i64: 2, 2>} : (tensor<3x4xi32>, tensor<2x2xi32>) -> tensor<2x2x2xi32>
  check.expect_eq_const %r, dense<[[[12, 13], [22, 23]], [[2, 3], [12, 13]]]> : tensor<2x2x2xi32>
  func.return
}

func.func @permuted_start_index_map_and_leading_index_vector_dim() {
  // Index vectors run along dim 0: (2, 1) and (0, 2), read as (column, row) by start_index_map.
  %x = stablehlo.constant dense<[[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]]> : tensor<3x4xi32>
  %idx = stablehlo.constant dense<[[2, 0], [1, 2]]> : tensor<2x2xi32>
  %r = "stablehlo.gather"(%x, %idx) {dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [1, 0], index_vector_dim = 0>, slice_sizes = array<i64: 1, 1>} : (tensor<3x4xi32>, tensor<2x2xi32>) -> tensor<2xi32>
  check.expect_eq_const %r, dense<[12, 20]> : tensor<2xi32>
  func.return
}

func.func @operand_batching_dims() {
  // x[b][i][c] = 100b + 10i + c; result[b][p] = x[b][idx[b][p]].
  %x = stablehlo.constant dense<[[[0, 1], [10, 11], [20, 21]], [[100, 101], [110, 111], [120, 121]]]> : tensor<2x3x2xi32>
  %idx = stablehlo.constant dense<[[2, 0], [1, 1]]> : tensor<2x2xi32>
  %r = "stablehlo.gather"(%x, %idx) {dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 2>, slice_sizes = array<i64: 1, 1, 2>} : (tensor<2x3x2xi32>, tensor<2x2xi32>) -> tensor<2x2x2xi32>
  check.expect_eq_const %r, dense<[[[20, 21], [0, 1]], [[110, 111], [110, 111]]]> : tensor<2x2x2xi32>
  func.return
}
