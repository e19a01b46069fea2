module @verify_r1 {
  func.func public @main(%target.model.embed_tokens.weight: tensor<256x64xf32>, %target.model.layers.0.input_layernorm.weight: tensor<64xf32>, %target.model.layers.0.self_attn.q_proj.weight: tensor<64x64xf32>, %target.model.layers.0.self_attn.k_proj.weight: tensor<32x64xf32>, %target.model.layers.0.self_attn.v_proj.weight: tensor<32x64xf32>, %target.model.layers.0.self_attn.o_proj.weight: tensor<64x64xf32>, %target.model.layers.0.self_attn.q_norm.weight: tensor<16xf32>, %target.model.layers.0.self_attn.k_norm.weight: tensor<16xf32>, %target.model.layers.0.post_attention_layernorm.weight: tensor<64xf32>, %target.model.layers.0.mlp.gate_proj.weight: tensor<128x64xf32>, %target.model.layers.0.mlp.up_proj.weight: tensor<128x64xf32>, %target.model.layers.0.mlp.down_proj.weight: tensor<64x128xf32>, %target.model.layers.1.input_layernorm.weight: tensor<64xf32>, %target.model.layers.1.self_attn.q_proj.weight: tensor<64x64xf32>, %target.model.layers.1.self_attn.k_proj.weight: tensor<32x64xf32>, %target.model.layers.1.self_attn.v_proj.weight: tensor<32x64xf32>, %target.model.layers.1.self_attn.o_proj.weight: tensor<64x64xf32>, %target.model.layers.1.self_attn.q_norm.weight: tensor<16xf32>, %target.model.layers.1.self_attn.k_norm.weight: tensor<16xf32>, %target.model.layers.1.post_attention_layernorm.weight: tensor<64xf32>, %target.model.layers.1.mlp.gate_proj.weight: tensor<128x64xf32>, %target.model.layers.1.mlp.up_proj.weight: tensor<128x64xf32>, %target.model.layers.1.mlp.down_proj.weight: tensor<64x128xf32>, %target.model.norm.weight: tensor<64xf32>, %target.lm_head.weight: tensor<256x64xf32>, %draft.fc.weight: tensor<64x128xf32>, %draft.hidden_norm.weight: tensor<64xf32>, %draft.layers.0.self_attn.k_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.v_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.k_norm.weight: tensor<16xf32>, %target_kv: tensor<2x2x2x64x16x16xf32> {jax.buffer_donor = true}, %draft_k: tensor<1x5x256x2x16xf32> {jax.buffer_donor = true}, %draft_v: tensor<1x5x256x2x16xf32> {jax.buffer_donor = true}, %seq_state: tensor<5x2xi32> {jax.buffer_donor = true}, %block_tokens: tensor<1x4xi32>, %slots: tensor<1xi32>, %block_tables: tensor<1x16xi32>, %draft_slots: tensor<1xi32>) -> (tensor<1xi32>, tensor<1x4xi32>, tensor<2x2x2x64x16x16xf32>, tensor<1x5x256x2x16xf32>, tensor<1x5x256x2x16xf32>, tensor<5x2xi32>) {
    %0 = stablehlo.reshape %slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %1 = "stablehlo.gather"(%seq_state, %0) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 2>}> : (tensor<5x2xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %2 = stablehlo.slice %1 [0:1, 1:2] : (tensor<1x2xi32>) -> tensor<1x1xi32>
    %3 = stablehlo.reshape %2 : (tensor<1x1xi32>) -> tensor<1xi32>
    %4 = stablehlo.broadcast_in_dim %3, dims = [0] : (tensor<1xi32>) -> tensor<1x4xi32>
    %5 = stablehlo.iota dim = 1 : tensor<1x4xi32>
    %6 = stablehlo.add %4, %5 : tensor<1x4xi32>
    %7 = stablehlo.iota dim = 0 : tensor<1x4xi32>
    %8 = stablehlo.reshape %7 : (tensor<1x4xi32>) -> tensor<1x4x1xi32>
    %9 = stablehlo.constant dense<16> : tensor<1x4xi32>
    %10 = stablehlo.divide %6, %9 : tensor<1x4xi32>
    %11 = stablehlo.reshape %10 : (tensor<1x4xi32>) -> tensor<1x4x1xi32>
    %12 = stablehlo.concatenate %8, %11, dim = 2 : (tensor<1x4x1xi32>, tensor<1x4x1xi32>) -> tensor<1x4x2xi32>
    %13 = "stablehlo.gather"(%block_tables, %12) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<1x16xi32>, tensor<1x4x2xi32>) -> tensor<1x4xi32>
    %14 = stablehlo.constant dense<16> : tensor<1x4xi32>
    %15 = stablehlo.multiply %13, %14 : tensor<1x4xi32>
    %16 = stablehlo.constant dense<16> : tensor<1x4xi32>
    %17 = stablehlo.remainder %6, %16 : tensor<1x4xi32>
    %18 = stablehlo.add %15, %17 : tensor<1x4xi32>
    %19 = stablehlo.reshape %18 : (tensor<1x4xi32>) -> tensor<4xi32>
    %20 = stablehlo.reshape %block_tokens : (tensor<1x4xi32>) -> tensor<4xi32>
    %21 = stablehlo.reshape %20 : (tensor<4xi32>) -> tensor<4x1xi32>
    %22 = "stablehlo.gather"(%target.model.embed_tokens.weight, %21) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 64>}> : (tensor<256x64xf32>, tensor<4x1xi32>) -> tensor<4x64xf32>
    %23 = stablehlo.constant dense<0> : tensor<i32>
    %24:2 = func.call @target_layer(%22, %6, %block_tables, %19, %target_kv, %23, %target.model.layers.0.input_layernorm.weight, %target.model.layers.0.self_attn.q_proj.weight, %target.model.layers.0.self_attn.k_proj.weight, %target.model.layers.0.self_attn.v_proj.weight, %target.model.layers.0.self_attn.o_proj.weight, %target.model.layers.0.self_attn.q_norm.weight, %target.model.layers.0.self_attn.k_norm.weight, %target.model.layers.0.post_attention_layernorm.weight, %target.model.layers.0.mlp.gate_proj.weight, %target.model.layers.0.mlp.up_proj.weight, %target.model.layers.0.mlp.down_proj.weight) : (tensor<4x64xf32>, tensor<1x4xi32>, tensor<1x16xi32>, tensor<4xi32>, tensor<2x2x2x64x16x16xf32>, tensor<i32>, tensor<64xf32>, tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<64x64xf32>, tensor<16xf32>, tensor<16xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128x64xf32>, tensor<64x128xf32>) -> (tensor<4x64xf32>, tensor<2x2x2x64x16x16xf32>)
    %25 = stablehlo.constant dense<1> : tensor<i32>
    %26:2 = func.call @target_layer(%24#0, %6, %block_tables, %19, %24#1, %25, %target.model.layers.1.input_layernorm.weight, %target.model.layers.1.self_attn.q_proj.weight, %target.model.layers.1.self_attn.k_proj.weight, %target.model.layers.1.self_attn.v_proj.weight, %target.model.layers.1.self_attn.o_proj.weight, %target.model.layers.1.self_attn.q_norm.weight, %target.model.layers.1.self_attn.k_norm.weight, %target.model.layers.1.post_attention_layernorm.weight, %target.model.layers.1.mlp.gate_proj.weight, %target.model.layers.1.mlp.up_proj.weight, %target.model.layers.1.mlp.down_proj.weight) : (tensor<4x64xf32>, tensor<1x4xi32>, tensor<1x16xi32>, tensor<4xi32>, tensor<2x2x2x64x16x16xf32>, tensor<i32>, tensor<64xf32>, tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<64x64xf32>, tensor<16xf32>, tensor<16xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128x64xf32>, tensor<64x128xf32>) -> (tensor<4x64xf32>, tensor<2x2x2x64x16x16xf32>)
    %27 = stablehlo.multiply %26#0, %26#0 : tensor<4x64xf32>
    %28 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %29 = stablehlo.reduce(%27 init: %28) applies stablehlo.add across dimensions = [1] : (tensor<4x64xf32>, tensor<f32>) -> tensor<4xf32>
    %30 = stablehlo.constant dense<6.400000e+01> : tensor<4xf32>
    %31 = stablehlo.divide %29, %30 : tensor<4xf32>
    %32 = stablehlo.constant dense<1.000000e-06> : tensor<4xf32>
    %33 = stablehlo.add %31, %32 : tensor<4xf32>
    %34 = stablehlo.rsqrt %33 : tensor<4xf32>
    %35 = stablehlo.broadcast_in_dim %34, dims = [0] : (tensor<4xf32>) -> tensor<4x64xf32>
    %36 = stablehlo.multiply %26#0, %35 : tensor<4x64xf32>
    %37 = stablehlo.broadcast_in_dim %target.model.norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<4x64xf32>
    %38 = stablehlo.multiply %36, %37 : tensor<4x64xf32>
    %39 = stablehlo.dot_general %38, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<4x64xf32>, tensor<256x64xf32>) -> tensor<4x256xf32>
    %40 = stablehlo.iota dim = 1 : tensor<4x256xi32>
    %41 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %42 = stablehlo.constant dense<0> : tensor<i32>
    %43:2 = stablehlo.reduce(%39 init: %41), (%40 init: %42) across dimensions = [1] : (tensor<4x256xf32>, tensor<4x256xi32>, tensor<f32>, tensor<i32>) -> (tensor<4xf32>, tensor<4xi32>)
      reducer(%arg38: tensor<f32>, %arg40: tensor<f32>) (%arg39: tensor<i32>, %arg41: tensor<i32>) {
        %44 = stablehlo.compare  GT, %arg38, %arg40,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %45 = stablehlo.compare  EQ, %arg38, %arg40,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %46 = stablehlo.compare  LT, %arg39, %arg41,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %47 = stablehlo.and %45, %46 : tensor<i1>
        %48 = stablehlo.or %44, %47 : tensor<i1>
        %49 = stablehlo.select %48, %arg38, %arg40 : tensor<i1>, tensor<f32>
        %50 = stablehlo.select %48, %arg39, %arg41 : tensor<i1>, tensor<i32>
        stablehlo.return %49, %50 : tensor<f32>, tensor<i32>
      }
    %51 = stablehlo.reshape %43#1 : (tensor<4xi32>) -> tensor<1x4xi32>
    %52 = stablehlo.slice %block_tokens [0:1, 1:4] : (tensor<1x4xi32>) -> tensor<1x3xi32>
    %53 = stablehlo.slice %51 [0:1, 0:3] : (tensor<1x4xi32>) -> tensor<1x3xi32>
    %54 = stablehlo.compare  EQ, %52, %53,  SIGNED : (tensor<1x3xi32>, tensor<1x3xi32>) -> tensor<1x3xi1>
    %55 = stablehlo.iota dim = 1 : tensor<1x3xi32>
    %56 = stablehlo.constant dense<3> : tensor<1x3xi32>
    %57 = stablehlo.select %54, %56, %55 : tensor<1x3xi1>, tensor<1x3xi32>
    %58 = stablehlo.constant dense<3> : tensor<i32>
    %59 = stablehlo.reduce(%57 init: %58) applies stablehlo.minimum across dimensions = [1] : (tensor<1x3xi32>, tensor<i32>) -> tensor<1xi32>
    %60 = stablehlo.reshape %6 : (tensor<1x4xi32>) -> tensor<4xi32>
    %61 = stablehlo.concatenate %24#0, %26#0, dim = 1 : (tensor<4x64xf32>, tensor<4x64xf32>) -> tensor<4x128xf32>
    %62 = stablehlo.dot_general %61, %draft.fc.weight, contracting_dims = [1] x [1] : (tensor<4x128xf32>, tensor<64x128xf32>) -> tensor<4x64xf32>
    %63 = stablehlo.multiply %62, %62 : tensor<4x64xf32>
    %64 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %65 = stablehlo.reduce(%63 init: %64) applies stablehlo.add across dimensions = [1] : (tensor<4x64xf32>, tensor<f32>) -> tensor<4xf32>
    %66 = stablehlo.constant dense<6.400000e+01> : tensor<4xf32>
    %67 = stablehlo.divide %65, %66 : tensor<4xf32>
    %68 = stablehlo.constant dense<1.000000e-06> : tensor<4xf32>
    %69 = stablehlo.add %67, %68 : tensor<4xf32>
    %70 = stablehlo.rsqrt %69 : tensor<4xf32>
    %71 = stablehlo.broadcast_in_dim %70, dims = [0] : (tensor<4xf32>) -> tensor<4x64xf32>
    %72 = stablehlo.multiply %62, %71 : tensor<4x64xf32>
    %73 = stablehlo.broadcast_in_dim %draft.hidden_norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<4x64xf32>
    %74 = stablehlo.multiply %72, %73 : tensor<4x64xf32>
    %75:2 = func.call @draft_context(%74, %60, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.k_norm.weight) : (tensor<4x64xf32>, tensor<4xi32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<16xf32>) -> (tensor<4x2x16xf32>, tensor<4x2x16xf32>)
    %76 = stablehlo.reshape %75#0 : (tensor<4x2x16xf32>) -> tensor<1x4x2x16xf32>
    %77 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %78 = stablehlo.constant dense<0> : tensor<1xi32>
    %79 = stablehlo.maximum %draft_slots, %78 : tensor<1xi32>
    %80 = stablehlo.constant dense<4> : tensor<1xi32>
    %81 = stablehlo.minimum %79, %80 : tensor<1xi32>
    %82 = stablehlo.reshape %81 : (tensor<1xi32>) -> tensor<1x1xi32>
    %83 = stablehlo.constant dense<0> : tensor<1xi32>
    %84 = stablehlo.maximum %3, %83 : tensor<1xi32>
    %85 = stablehlo.constant dense<252> : tensor<1xi32>
    %86 = stablehlo.minimum %84, %85 : tensor<1xi32>
    %87 = stablehlo.reshape %86 : (tensor<1xi32>) -> tensor<1x1xi32>
    %88 = stablehlo.concatenate %77, %82, %87, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %89 = "stablehlo.scatter"(%draft_k, %88, %76) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg42: tensor<f32>, %arg43: tensor<f32>):
      stablehlo.return %arg43 : tensor<f32>
    }) : (tensor<1x5x256x2x16xf32>, tensor<1x3xi32>, tensor<1x4x2x16xf32>) -> tensor<1x5x256x2x16xf32>
    %90 = stablehlo.reshape %75#1 : (tensor<4x2x16xf32>) -> tensor<1x4x2x16xf32>
    %91 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %92 = stablehlo.constant dense<0> : tensor<1xi32>
    %93 = stablehlo.maximum %draft_slots, %92 : tensor<1xi32>
    %94 = stablehlo.constant dense<4> : tensor<1xi32>
    %95 = stablehlo.minimum %93, %94 : tensor<1xi32>
    %96 = stablehlo.reshape %95 : (tensor<1xi32>) -> tensor<1x1xi32>
    %97 = stablehlo.constant dense<0> : tensor<1xi32>
    %98 = stablehlo.maximum %3, %97 : tensor<1xi32>
    %99 = stablehlo.constant dense<252> : tensor<1xi32>
    %100 = stablehlo.minimum %98, %99 : tensor<1xi32>
    %101 = stablehlo.reshape %100 : (tensor<1xi32>) -> tensor<1x1xi32>
    %102 = stablehlo.concatenate %91, %96, %101, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %103 = "stablehlo.scatter"(%draft_v, %102, %90) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg44: tensor<f32>, %arg45: tensor<f32>):
      stablehlo.return %arg45 : tensor<f32>
    }) : (tensor<1x5x256x2x16xf32>, tensor<1x3xi32>, tensor<1x4x2x16xf32>) -> tensor<1x5x256x2x16xf32>
    %104 = stablehlo.constant dense<0> : tensor<1xi32>
    %105 = stablehlo.maximum %59, %104 : tensor<1xi32>
    %106 = stablehlo.constant dense<3> : tensor<1xi32>
    %107 = stablehlo.minimum %105, %106 : tensor<1xi32>
    %108 = stablehlo.slice %1 [0:1, 1:2] : (tensor<1x2xi32>) -> tensor<1x1xi32>
    %109 = stablehlo.reshape %108 : (tensor<1x1xi32>) -> tensor<1xi32>
    %110 = stablehlo.iota dim = 0 : tensor<1xi32>
    %111 = stablehlo.reshape %110 : (tensor<1xi32>) -> tensor<1x1xi32>
    %112 = stablehlo.reshape %107 : (tensor<1xi32>) -> tensor<1x1xi32>
    %113 = stablehlo.concatenate %111, %112, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %114 = "stablehlo.gather"(%51, %113) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<1x4xi32>, tensor<1x2xi32>) -> tensor<1xi32>
    %115 = stablehlo.constant dense<1> : tensor<1xi32>
    %116 = stablehlo.add %109, %115 : tensor<1xi32>
    %117 = stablehlo.add %116, %107 : tensor<1xi32>
    %118 = stablehlo.reshape %114 : (tensor<1xi32>) -> tensor<1x1xi32>
    %119 = stablehlo.reshape %117 : (tensor<1xi32>) -> tensor<1x1xi32>
    %120 = stablehlo.concatenate %118, %119, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %121 = stablehlo.reshape %slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %122 = "stablehlo.scatter"(%seq_state, %121, %120) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg46: tensor<i32>, %arg47: tensor<i32>):
      stablehlo.return %arg47 : tensor<i32>
    }) : (tensor<5x2xi32>, tensor<1x1xi32>, tensor<1x2xi32>) -> tensor<5x2xi32>
    return %59, %51, %26#1, %89, %103, %122 : tensor<1xi32>, tensor<1x4xi32>, tensor<2x2x2x64x16x16xf32>, tensor<1x5x256x2x16xf32>, tensor<1x5x256x2x16xf32>, tensor<5x2xi32>
  }
  func.func private @target_layer(%x: tensor<4x64xf32>, %positions: tensor<1x4xi32>, %tables: tensor<1x16xi32>, %rows: tensor<4xi32>, %target_kv: tensor<2x2x2x64x16x16xf32>, %layer: tensor<i32>, %input_layernorm.weight: tensor<64xf32>, %self_attn.q_proj.weight: tensor<64x64xf32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.o_proj.weight: tensor<64x64xf32>, %self_attn.q_norm.weight: tensor<16xf32>, %self_attn.k_norm.weight: tensor<16xf32>, %post_attention_layernorm.weight: tensor<64xf32>, %mlp.gate_proj.weight: tensor<128x64xf32>, %mlp.up_proj.weight: tensor<128x64xf32>, %mlp.down_proj.weight: tensor<64x128xf32>) -> (tensor<4x64xf32>, tensor<2x2x2x64x16x16xf32>) {
    %0 = stablehlo.reshape %positions : (tensor<1x4xi32>) -> tensor<4xi32>
    %1 = stablehlo.multiply %x, %x : tensor<4x64xf32>
    %2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %3 = stablehlo.reduce(%1 init: %2) applies stablehlo.add across dimensions = [1] : (tensor<4x64xf32>, tensor<f32>) -> tensor<4xf32>
    %4 = stablehlo.constant dense<6.400000e+01> : tensor<4xf32>
    %5 = stablehlo.divide %3, %4 : tensor<4xf32>
    %6 = stablehlo.constant dense<1.000000e-06> : tensor<4xf32>
    %7 = stablehlo.add %5, %6 : tensor<4xf32>
    %8 = stablehlo.rsqrt %7 : tensor<4xf32>
    %9 = stablehlo.broadcast_in_dim %8, dims = [0] : (tensor<4xf32>) -> tensor<4x64xf32>
    %10 = stablehlo.multiply %x, %9 : tensor<4x64xf32>
    %11 = stablehlo.broadcast_in_dim %input_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<4x64xf32>
    %12 = stablehlo.multiply %10, %11 : tensor<4x64xf32>
    %13 = stablehlo.dot_general %12, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<4x64xf32>, tensor<64x64xf32>) -> tensor<4x64xf32>
    %14 = stablehlo.reshape %13 : (tensor<4x64xf32>) -> tensor<4x4x16xf32>
    %15 = stablehlo.dot_general %12, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<4x64xf32>, tensor<32x64xf32>) -> tensor<4x32xf32>
    %16 = stablehlo.reshape %15 : (tensor<4x32xf32>) -> tensor<4x2x16xf32>
    %17 = stablehlo.dot_general %12, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<4x64xf32>, tensor<32x64xf32>) -> tensor<4x32xf32>
    %18 = stablehlo.reshape %17 : (tensor<4x32xf32>) -> tensor<4x2x16xf32>
    %19 = stablehlo.multiply %14, %14 : tensor<4x4x16xf32>
    %20 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %21 = stablehlo.reduce(%19 init: %20) applies stablehlo.add across dimensions = [2] : (tensor<4x4x16xf32>, tensor<f32>) -> tensor<4x4xf32>
    %22 = stablehlo.constant dense<1.600000e+01> : tensor<4x4xf32>
    %23 = stablehlo.divide %21, %22 : tensor<4x4xf32>
    %24 = stablehlo.constant dense<1.000000e-06> : tensor<4x4xf32>
    %25 = stablehlo.add %23, %24 : tensor<4x4xf32>
    %26 = stablehlo.rsqrt %25 : tensor<4x4xf32>
    %27 = stablehlo.broadcast_in_dim %26, dims = [0, 1] : (tensor<4x4xf32>) -> tensor<4x4x16xf32>
    %28 = stablehlo.multiply %14, %27 : tensor<4x4x16xf32>
    %29 = stablehlo.broadcast_in_dim %self_attn.q_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<4x4x16xf32>
    %30 = stablehlo.multiply %28, %29 : tensor<4x4x16xf32>
    %31 = stablehlo.multiply %16, %16 : tensor<4x2x16xf32>
    %32 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %33 = stablehlo.reduce(%31 init: %32) applies stablehlo.add across dimensions = [2] : (tensor<4x2x16xf32>, tensor<f32>) -> tensor<4x2xf32>
    %34 = stablehlo.constant dense<1.600000e+01> : tensor<4x2xf32>
    %35 = stablehlo.divide %33, %34 : tensor<4x2xf32>
    %36 = stablehlo.constant dense<1.000000e-06> : tensor<4x2xf32>
    %37 = stablehlo.add %35, %36 : tensor<4x2xf32>
    %38 = stablehlo.rsqrt %37 : tensor<4x2xf32>
    %39 = stablehlo.broadcast_in_dim %38, dims = [0, 1] : (tensor<4x2xf32>) -> tensor<4x2x16xf32>
    %40 = stablehlo.multiply %16, %39 : tensor<4x2x16xf32>
    %41 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<4x2x16xf32>
    %42 = stablehlo.multiply %40, %41 : tensor<4x2x16xf32>
    %43 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %44 = stablehlo.convert %0 : (tensor<4xi32>) -> tensor<4xf32>
    %45 = stablehlo.broadcast_in_dim %44, dims = [0] : (tensor<4xf32>) -> tensor<4x8xf32>
    %46 = stablehlo.broadcast_in_dim %43, dims = [1] : (tensor<8xf32>) -> tensor<4x8xf32>
    %47 = stablehlo.multiply %45, %46 : tensor<4x8xf32>
    %48 = stablehlo.cosine %47 : tensor<4x8xf32>
    %49 = stablehlo.concatenate %48, %48, dim = 1 : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x16xf32>
    %50 = stablehlo.broadcast_in_dim %49, dims = [0, 2] : (tensor<4x16xf32>) -> tensor<4x4x16xf32>
    %51 = stablehlo.sine %47 : tensor<4x8xf32>
    %52 = stablehlo.concatenate %51, %51, dim = 1 : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x16xf32>
    %53 = stablehlo.broadcast_in_dim %52, dims = [0, 2] : (tensor<4x16xf32>) -> tensor<4x4x16xf32>
    %54 = stablehlo.slice %30 [0:4, 0:4, 0:8] : (tensor<4x4x16xf32>) -> tensor<4x4x8xf32>
    %55 = stablehlo.slice %30 [0:4, 0:4, 8:16] : (tensor<4x4x16xf32>) -> tensor<4x4x8xf32>
    %56 = stablehlo.negate %55 : tensor<4x4x8xf32>
    %57 = stablehlo.concatenate %56, %54, dim = 2 : (tensor<4x4x8xf32>, tensor<4x4x8xf32>) -> tensor<4x4x16xf32>
    %58 = stablehlo.multiply %30, %50 : tensor<4x4x16xf32>
    %59 = stablehlo.multiply %57, %53 : tensor<4x4x16xf32>
    %60 = stablehlo.add %58, %59 : tensor<4x4x16xf32>
    %61 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %62 = stablehlo.convert %0 : (tensor<4xi32>) -> tensor<4xf32>
    %63 = stablehlo.broadcast_in_dim %62, dims = [0] : (tensor<4xf32>) -> tensor<4x8xf32>
    %64 = stablehlo.broadcast_in_dim %61, dims = [1] : (tensor<8xf32>) -> tensor<4x8xf32>
    %65 = stablehlo.multiply %63, %64 : tensor<4x8xf32>
    %66 = stablehlo.cosine %65 : tensor<4x8xf32>
    %67 = stablehlo.concatenate %66, %66, dim = 1 : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x16xf32>
    %68 = stablehlo.broadcast_in_dim %67, dims = [0, 2] : (tensor<4x16xf32>) -> tensor<4x2x16xf32>
    %69 = stablehlo.sine %65 : tensor<4x8xf32>
    %70 = stablehlo.concatenate %69, %69, dim = 1 : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x16xf32>
    %71 = stablehlo.broadcast_in_dim %70, dims = [0, 2] : (tensor<4x16xf32>) -> tensor<4x2x16xf32>
    %72 = stablehlo.slice %42 [0:4, 0:2, 0:8] : (tensor<4x2x16xf32>) -> tensor<4x2x8xf32>
    %73 = stablehlo.slice %42 [0:4, 0:2, 8:16] : (tensor<4x2x16xf32>) -> tensor<4x2x8xf32>
    %74 = stablehlo.negate %73 : tensor<4x2x8xf32>
    %75 = stablehlo.concatenate %74, %72, dim = 2 : (tensor<4x2x8xf32>, tensor<4x2x8xf32>) -> tensor<4x2x16xf32>
    %76 = stablehlo.multiply %42, %68 : tensor<4x2x16xf32>
    %77 = stablehlo.multiply %75, %71 : tensor<4x2x16xf32>
    %78 = stablehlo.add %76, %77 : tensor<4x2x16xf32>
    %79 = stablehlo.reshape %target_kv : (tensor<2x2x2x64x16x16xf32>) -> tensor<2x2x2x1024x16xf32>
    %80 = stablehlo.reshape %78 : (tensor<4x2x16xf32>) -> tensor<4x1x2x16xf32>
    %81 = stablehlo.reshape %18 : (tensor<4x2x16xf32>) -> tensor<4x1x2x16xf32>
    %82 = stablehlo.concatenate %80, %81, dim = 1 : (tensor<4x1x2x16xf32>, tensor<4x1x2x16xf32>) -> tensor<4x2x2x16xf32>
    %83 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<4x1xi32>
    %84 = stablehlo.reshape %rows : (tensor<4xi32>) -> tensor<4x1xi32>
    %85 = stablehlo.concatenate %83, %84, dim = 1 : (tensor<4x1xi32>, tensor<4x1xi32>) -> tensor<4x2xi32>
    %86 = "stablehlo.scatter"(%79, %85, %82) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 3], scatter_dims_to_operand_dims = [0, 3], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg17: tensor<f32>, %arg18: tensor<f32>):
      stablehlo.return %arg18 : tensor<f32>
    }) : (tensor<2x2x2x1024x16xf32>, tensor<4x2xi32>, tensor<4x2x2x16xf32>) -> tensor<2x2x2x1024x16xf32>
    %87 = stablehlo.reshape %86 : (tensor<2x2x2x1024x16xf32>) -> tensor<2x2x2x64x16x16xf32>
    %88 = stablehlo.reshape %60 : (tensor<4x4x16xf32>) -> tensor<1x4x4x16xf32>
    %89 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<1x16x1xi32>
    %90 = stablehlo.constant dense<0> : tensor<1x16x1xi32>
    %91 = stablehlo.reshape %tables : (tensor<1x16xi32>) -> tensor<1x16x1xi32>
    %92 = stablehlo.concatenate %89, %90, %91, dim = 2 : (tensor<1x16x1xi32>, tensor<1x16x1xi32>, tensor<1x16x1xi32>) -> tensor<1x16x3xi32>
    %93 = "stablehlo.gather"(%87, %92) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 2, 1, 16, 16>}> : (tensor<2x2x2x64x16x16xf32>, tensor<1x16x3xi32>) -> tensor<1x16x2x16x16xf32>
    %94 = stablehlo.transpose %93, dims = [0, 1, 3, 2, 4] : (tensor<1x16x2x16x16xf32>) -> tensor<1x16x16x2x16xf32>
    %95 = stablehlo.reshape %94 : (tensor<1x16x16x2x16xf32>) -> tensor<1x256x2x16xf32>
    %96 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<1x16x1xi32>
    %97 = stablehlo.constant dense<1> : tensor<1x16x1xi32>
    %98 = stablehlo.reshape %tables : (tensor<1x16xi32>) -> tensor<1x16x1xi32>
    %99 = stablehlo.concatenate %96, %97, %98, dim = 2 : (tensor<1x16x1xi32>, tensor<1x16x1xi32>, tensor<1x16x1xi32>) -> tensor<1x16x3xi32>
    %100 = "stablehlo.gather"(%87, %99) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 2, 1, 16, 16>}> : (tensor<2x2x2x64x16x16xf32>, tensor<1x16x3xi32>) -> tensor<1x16x2x16x16xf32>
    %101 = stablehlo.transpose %100, dims = [0, 1, 3, 2, 4] : (tensor<1x16x2x16x16xf32>) -> tensor<1x16x16x2x16xf32>
    %102 = stablehlo.reshape %101 : (tensor<1x16x16x2x16xf32>) -> tensor<1x256x2x16xf32>
    %103 = stablehlo.iota dim = 2 : tensor<1x4x256xi32>
    %104 = stablehlo.broadcast_in_dim %positions, dims = [0, 1] : (tensor<1x4xi32>) -> tensor<1x4x256xi32>
    %105 = stablehlo.compare  LE, %103, %104,  SIGNED : (tensor<1x4x256xi32>, tensor<1x4x256xi32>) -> tensor<1x4x256xi1>
    %106 = stablehlo.reshape %88 : (tensor<1x4x4x16xf32>) -> tensor<1x4x2x2x16xf32>
    %107 = stablehlo.dot_general %106, %95, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<1x4x2x2x16xf32>, tensor<1x256x2x16xf32>) -> tensor<1x2x4x2x256xf32>
    %108 = stablehlo.constant dense<2.500000e-01> : tensor<1x2x4x2x256xf32>
    %109 = stablehlo.multiply %107, %108 : tensor<1x2x4x2x256xf32>
    %110 = stablehlo.broadcast_in_dim %105, dims = [0, 2, 4] : (tensor<1x4x256xi1>) -> tensor<1x2x4x2x256xi1>
    %111 = stablehlo.constant dense<0xFF800000> : tensor<1x2x4x2x256xf32>
    %112 = stablehlo.select %110, %109, %111 : tensor<1x2x4x2x256xi1>, tensor<1x2x4x2x256xf32>
    %113 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %114 = stablehlo.reduce(%112 init: %113) applies stablehlo.maximum across dimensions = [4] : (tensor<1x2x4x2x256xf32>, tensor<f32>) -> tensor<1x2x4x2xf32>
    %115 = stablehlo.broadcast_in_dim %114, dims = [0, 1, 2, 3] : (tensor<1x2x4x2xf32>) -> tensor<1x2x4x2x256xf32>
    %116 = stablehlo.subtract %112, %115 : tensor<1x2x4x2x256xf32>
    %117 = stablehlo.exponential %116 : tensor<1x2x4x2x256xf32>
    %118 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %119 = stablehlo.reduce(%117 init: %118) applies stablehlo.add across dimensions = [4] : (tensor<1x2x4x2x256xf32>, tensor<f32>) -> tensor<1x2x4x2xf32>
    %120 = stablehlo.broadcast_in_dim %119, dims = [0, 1, 2, 3] : (tensor<1x2x4x2xf32>) -> tensor<1x2x4x2x256xf32>
    %121 = stablehlo.divide %117, %120 : tensor<1x2x4x2x256xf32>
    %122 = stablehlo.dot_general %121, %102, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<1x2x4x2x256xf32>, tensor<1x256x2x16xf32>) -> tensor<1x2x4x2x16xf32>
    %123 = stablehlo.transpose %122, dims = [0, 2, 1, 3, 4] : (tensor<1x2x4x2x16xf32>) -> tensor<1x4x2x2x16xf32>
    %124 = stablehlo.reshape %123 : (tensor<1x4x2x2x16xf32>) -> tensor<1x4x4x16xf32>
    %125 = stablehlo.reshape %124 : (tensor<1x4x4x16xf32>) -> tensor<4x64xf32>
    %126 = stablehlo.dot_general %125, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<4x64xf32>, tensor<64x64xf32>) -> tensor<4x64xf32>
    %127 = stablehlo.add %x, %126 : tensor<4x64xf32>
    %128 = stablehlo.multiply %127, %127 : tensor<4x64xf32>
    %129 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %130 = stablehlo.reduce(%128 init: %129) applies stablehlo.add across dimensions = [1] : (tensor<4x64xf32>, tensor<f32>) -> tensor<4xf32>
    %131 = stablehlo.constant dense<6.400000e+01> : tensor<4xf32>
    %132 = stablehlo.divide %130, %131 : tensor<4xf32>
    %133 = stablehlo.constant dense<1.000000e-06> : tensor<4xf32>
    %134 = stablehlo.add %132, %133 : tensor<4xf32>
    %135 = stablehlo.rsqrt %134 : tensor<4xf32>
    %136 = stablehlo.broadcast_in_dim %135, dims = [0] : (tensor<4xf32>) -> tensor<4x64xf32>
    %137 = stablehlo.multiply %127, %136 : tensor<4x64xf32>
    %138 = stablehlo.broadcast_in_dim %post_attention_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<4x64xf32>
    %139 = stablehlo.multiply %137, %138 : tensor<4x64xf32>
    %140 = stablehlo.dot_general %139, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<4x64xf32>, tensor<128x64xf32>) -> tensor<4x128xf32>
    %141 = stablehlo.dot_general %139, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<4x64xf32>, tensor<128x64xf32>) -> tensor<4x128xf32>
    %142 = stablehlo.logistic %140 : tensor<4x128xf32>
    %143 = stablehlo.multiply %140, %142 : tensor<4x128xf32>
    %144 = stablehlo.multiply %143, %141 : tensor<4x128xf32>
    %145 = stablehlo.dot_general %144, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<4x128xf32>, tensor<64x128xf32>) -> tensor<4x64xf32>
    %146 = stablehlo.add %127, %145 : tensor<4x64xf32>
    return %146, %87 : tensor<4x64xf32>, tensor<2x2x2x64x16x16xf32>
  }
  func.func private @draft_context(%ctx: tensor<4x64xf32>, %positions: tensor<4xi32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.k_norm.weight: tensor<16xf32>) -> (tensor<4x2x16xf32>, tensor<4x2x16xf32>) {
    %0 = stablehlo.dot_general %ctx, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<4x64xf32>, tensor<32x64xf32>) -> tensor<4x32xf32>
    %1 = stablehlo.reshape %0 : (tensor<4x32xf32>) -> tensor<4x2x16xf32>
    %2 = stablehlo.dot_general %ctx, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<4x64xf32>, tensor<32x64xf32>) -> tensor<4x32xf32>
    %3 = stablehlo.reshape %2 : (tensor<4x32xf32>) -> tensor<4x2x16xf32>
    %4 = stablehlo.multiply %1, %1 : tensor<4x2x16xf32>
    %5 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %6 = stablehlo.reduce(%4 init: %5) applies stablehlo.add across dimensions = [2] : (tensor<4x2x16xf32>, tensor<f32>) -> tensor<4x2xf32>
    %7 = stablehlo.constant dense<1.600000e+01> : tensor<4x2xf32>
    %8 = stablehlo.divide %6, %7 : tensor<4x2xf32>
    %9 = stablehlo.constant dense<1.000000e-06> : tensor<4x2xf32>
    %10 = stablehlo.add %8, %9 : tensor<4x2xf32>
    %11 = stablehlo.rsqrt %10 : tensor<4x2xf32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [0, 1] : (tensor<4x2xf32>) -> tensor<4x2x16xf32>
    %13 = stablehlo.multiply %1, %12 : tensor<4x2x16xf32>
    %14 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<4x2x16xf32>
    %15 = stablehlo.multiply %13, %14 : tensor<4x2x16xf32>
    %16 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %17 = stablehlo.convert %positions : (tensor<4xi32>) -> tensor<4xf32>
    %18 = stablehlo.broadcast_in_dim %17, dims = [0] : (tensor<4xf32>) -> tensor<4x8xf32>
    %19 = stablehlo.broadcast_in_dim %16, dims = [1] : (tensor<8xf32>) -> tensor<4x8xf32>
    %20 = stablehlo.multiply %18, %19 : tensor<4x8xf32>
    %21 = stablehlo.cosine %20 : tensor<4x8xf32>
    %22 = stablehlo.concatenate %21, %21, dim = 1 : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x16xf32>
    %23 = stablehlo.broadcast_in_dim %22, dims = [0, 2] : (tensor<4x16xf32>) -> tensor<4x2x16xf32>
    %24 = stablehlo.sine %20 : tensor<4x8xf32>
    %25 = stablehlo.concatenate %24, %24, dim = 1 : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x16xf32>
    %26 = stablehlo.broadcast_in_dim %25, dims = [0, 2] : (tensor<4x16xf32>) -> tensor<4x2x16xf32>
    %27 = stablehlo.slice %15 [0:4, 0:2, 0:8] : (tensor<4x2x16xf32>) -> tensor<4x2x8xf32>
    %28 = stablehlo.slice %15 [0:4, 0:2, 8:16] : (tensor<4x2x16xf32>) -> tensor<4x2x8xf32>
    %29 = stablehlo.negate %28 : tensor<4x2x8xf32>
    %30 = stablehlo.concatenate %29, %27, dim = 2 : (tensor<4x2x8xf32>, tensor<4x2x8xf32>) -> tensor<4x2x16xf32>
    %31 = stablehlo.multiply %15, %23 : tensor<4x2x16xf32>
    %32 = stablehlo.multiply %30, %26 : tensor<4x2x16xf32>
    %33 = stablehlo.add %31, %32 : tensor<4x2x16xf32>
    return %33, %3 : tensor<4x2x16xf32>, tensor<4x2x16xf32>
  }
}
