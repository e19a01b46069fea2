// Static data movement: reshape, transpose, broadcast_in_dim, concatenate, slice, pad, reverse.

func.func @reshape_keeps_row_major_order() {
  %x = stablehlo.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %r = stablehlo.reshape %x : (tensor<2x3xi32>) -> tensor<3x2xi32>
  check.expect_eq_const %r, dense<[[1, 2], [3, 4], [5, 6]]> : tensor<3x2xi32>
  func.return
}

func.func @transpose_result_dim_i_is_operand_dim_perm_i() {
  // x[a][b][c] = 100a + 10b + c (2x3x2). With dims = [2, 0, 1], result[i][j][k] = x[j][k][i].
  %x = stablehlo.constant dense<[[[0, 1], [10, 11], [20, 21]], [[100, 101], [110, 111], [120, 121]]]> : tensor<2x3x2xi32>
  %t = stablehlo.transpose %x, dims = [2, 0, 1] : (tensor<2x3x2xi32>) -> tensor<2x2x3xi32>
  check.expect_eq_const %t, dense<[[[0, 10, 20], [100, 110, 120]], [[1, 11, 21], [101, 111, 121]]]> : tensor<2x2x3xi32>
  func.return
}

func.func @broadcast_in_dim() {
  %x = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %r = stablehlo.broadcast_in_dim %x, dims = [0] : (tensor<2xf32>) -> tensor<2x3xf32>
  check.expect_eq_const %r, dense<[[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]]> : tensor<2x3xf32>
  %c = stablehlo.broadcast_in_dim %x, dims = [1] : (tensor<2xf32>) -> tensor<3x2xf32>
  check.expect_eq_const %c, dense<[[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]]> : tensor<3x2xf32>
  // A size-1 operand dim expands.
  %y = stablehlo.constant dense<[[5], [6]]> : tensor<2x1xi32>
  %e = stablehlo.broadcast_in_dim %y, dims = [1, 2] : (tensor<2x1xi32>) -> tensor<2x2x3xi32>
  check.expect_eq_const %e, dense<[[[5, 5, 5], [6, 6, 6]], [[5, 5, 5], [6, 6, 6]]]> : tensor<2x2x3xi32>
  %s = stablehlo.constant dense<7> : tensor<i32>
  %f = stablehlo.broadcast_in_dim %s, dims = [] : (tensor<i32>) -> tensor<2xi32>
  check.expect_eq_const %f, dense<[7, 7]> : tensor<2xi32>
  func.return
}

func.func @concatenate() {
  %a = stablehlo.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %b = stablehlo.constant dense<[[5], [6]]> : tensor<2x1xi32>
  %r = stablehlo.concatenate %a, %b, dim = 1 : (tensor<2x2xi32>, tensor<2x1xi32>) -> tensor<2x3xi32>
  check.expect_eq_const %r, dense<[[1, 2, 5], [3, 4, 6]]> : tensor<2x3xi32>
  %c = stablehlo.constant dense<[[7, 8]]> : tensor<1x2xi32>
  %s = stablehlo.concatenate %a, %c, dim = 0 : (tensor<2x2xi32>, tensor<1x2xi32>) -> tensor<3x2xi32>
  check.expect_eq_const %s, dense<[[1, 2], [3, 4], [7, 8]]> : tensor<3x2xi32>
  func.return
}

func.func @slice_with_strides() {
  %x = stablehlo.constant dense<[[0, 1, 2, 3, 4], [10, 11, 12, 13, 14], [20, 21, 22, 23, 24]]> : tensor<3x5xi32>
  %r = stablehlo.slice %x [0:3:2, 1:5:2] : (tensor<3x5xi32>) -> tensor<2x2xi32>
  check.expect_eq_const %r, dense<[[1, 3], [21, 23]]> : tensor<2x2xi32>
  %s = stablehlo.slice %x [1:2, 2:5] : (tensor<3x5xi32>) -> tensor<1x3xi32>
  check.expect_eq_const %s, dense<[[12, 13, 14]]> : tensor<1x3xi32>
  func.return
}

func.func @pad_edges_and_interior() {
  %x = stablehlo.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %z = stablehlo.constant dense<0> : tensor<i32>
  %r = "stablehlo.pad"(%x, %z) {edge_padding_low = array<i64: 1, 0>, edge_padding_high = array<i64: 0, 1>, interior_padding = array<i64: 0, 1>} : (tensor<2x2xi32>, tensor<i32>) -> tensor<3x4xi32>
  check.expect_eq_const %r, dense<[[0, 0, 0, 0], [1, 0, 2, 0], [3, 0, 4, 0]]> : tensor<3x4xi32>
  // Negative padding crops.
  %c = "stablehlo.pad"(%x, %z) {edge_padding_low = array<i64: -1, 0>, edge_padding_high = array<i64: 0, -1>, interior_padding = array<i64: 0, 0>} : (tensor<2x2xi32>, tensor<i32>) -> tensor<1x1xi32>
  check.expect_eq_const %c, dense<[[3]]> : tensor<1x1xi32>
  func.return
}

func.func @reverse() {
  %x = stablehlo.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %r = stablehlo.reverse %x, dims = [1] : tensor<2x3xi32>
  check.expect_eq_const %r, dense<[[3, 2, 1], [6, 5, 4]]> : tensor<2x3xi32>
  %b = stablehlo.reverse %x, dims = [0, 1] : tensor<2x3xi32>
  check.expect_eq_const %b, dense<[[6, 5, 4], [3, 2, 1]]> : tensor<2x3xi32>
  func.return
}
