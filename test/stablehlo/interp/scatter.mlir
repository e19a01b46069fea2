// scatter: update regions, windows, batching dims; a window that does not fit is skipped.

func.func @overwrite() {
  %in = stablehlo.constant dense<[0, 0, 0, 0, 0]> : tensor<5xi32>
  %idx = stablehlo.constant dense<[[1], [3]]> : tensor<2x1xi32>
  %upd = stablehlo.constant dense<[7, 9]> : tensor<2xi32>
  %r = "stablehlo.scatter"(%in, %idx, %upd) ({
  ^bb0(%old: tensor<i32>, %new: tensor<i32>):
    stablehlo.return %new : tensor<i32>
  }) {scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, indices_are_sorted = false, unique_indices = false} : (tensor<5xi32>, tensor<2x1xi32>, tensor<2xi32>) -> tensor<5xi32>
  check.expect_eq_const %r, dense<[0, 7, 0, 9, 0]> : tensor<5xi32>
  check.expect_eq_const %in, dense<[0, 0, 0, 0, 0]> : tensor<5xi32>
  func.return
}

func.func @add_combines_duplicates() {
  %in = stablehlo.constant dense<[10.0, 10.0, 10.0, 10.0, 10.0]> : tensor<5xf32>
  %idx = stablehlo.constant dense<[[1], [1], [4]]> : tensor<3x1xi32>
  %upd = stablehlo.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %r = "stablehlo.scatter"(%in, %idx, %upd) ({
  ^bb0(%old: tensor<f32>, %new: tensor<f32>):
    %s = stablehlo.add %old, %new : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) {scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>} : (tensor<5xf32>, tensor<3x1xi32>, tensor<3xf32>) -> tensor<5xf32>
  check.expect_eq_const %r, dense<[10.0, 13.0, 10.0, 10.0, 13.0]> : tensor<5xf32>
  func.return
}

func.func @out_of_bounds_updates_are_skipped() {
  %in = stablehlo.constant dense<[0, 0, 0, 0, 0]> : tensor<5xi32>
  %idx = stablehlo.constant dense<[[5], [-1], [2]]> : tensor<3x1xi32>
  %upd = stablehlo.constant dense<[1, 2, 3]> : tensor<3xi32>
  %r = "stablehlo.scatter"(%in, %idx, %upd) ({
  ^bb0(%old: tensor<i32>, %new: tensor<i32>):
    stablehlo.return %new : tensor<i32>
  }) {scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>} : (tensor<5xi32>, tensor<3x1xi32>, tensor<3xi32>) -> tensor<5xi32>
  check.expect_eq_const %r, dense<[0, 0, 3, 0, 0]> : tensor<5xi32>
  func.return
}

func.func @row_windows() {
  %in = stablehlo.constant dense<[[0, 0], [0, 0], [0, 0]]> : tensor<3x2xi32>
  %upd = stablehlo.constant dense<[[[1, 2], [3, 4]]]> : tensor<1x2x2xi32>
  // A 2-row window at row 1 fits.
  %i1 = stablehlo.constant dense<[[1]]> : tensor<1x1xi32>
  %r = "stablehlo.scatter"(%in, %i1, %upd) ({
  ^bb0(%old: tensor<i32>, %new: tensor<i32>):
    stablehlo.return %new : tensor<i32>
  }) {scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>} : (tensor<3x2xi32>, tensor<1x1xi32>, tensor<1x2x2xi32>) -> tensor<3x2xi32>
  check.expect_eq_const %r, dense<[[0, 0], [1, 2], [3, 4]]> : tensor<3x2xi32>
  // At row 2 it would run past the end: the whole window is skipped (not clamped).
  %i2 = stablehlo.constant dense<[[2]]> : tensor<1x1xi32>
  %s = "stablehlo.scatter"(%in, %i2, %upd) ({
  ^bb0(%old: tensor<i32>, %new: tensor<i32>):
    stablehlo.return %new : tensor<i32>
  }) {scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>} : (tensor<3x2xi32>, tensor<1x1xi32>, tensor<1x2x2xi32>) -> tensor<3x2xi32>
  check.expect_eq_const %s, dense<[[0, 0], [0, 0], [0, 0]]> : tensor<3x2xi32>
  func.return
}

func.func @input_batching_dims() {
  // Row b gets updates[b][p] at column idx[b][p].
  %in = stablehlo.constant dense<[[0, 0, 0, 0], [0, 0, 0, 0]]> : tensor<2x4xi32>
  %idx = stablehlo.constant dense<[[3], [0]]> : tensor<2x1xi32>
  %upd = stablehlo.constant dense<[[5], [6]]> : tensor<2x1xi32>
  %r = "stablehlo.scatter"(%in, %idx, %upd) ({
  ^bb0(%old: tensor<i32>, %new: tensor<i32>):
    stablehlo.return %new : tensor<i32>
  }) {scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [1], index_vector_dim = 2>} : (tensor<2x4xi32>, tensor<2x1xi32>, tensor<2x1xi32>) -> tensor<2x4xi32>
  check.expect_eq_const %r, dense<[[0, 0, 0, 5], [6, 0, 0, 0]]> : tensor<2x4xi32>
  func.return
}
