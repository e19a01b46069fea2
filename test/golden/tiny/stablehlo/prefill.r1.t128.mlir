module @prefill_r1_t128 {
  func.func public @main(%target.model.embed_tokens.weight: tensor<256x64xf32>, %target.model.layers.0.input_layernorm.weight: tensor<64xf32>, %target.model.layers.0.self_attn.q_proj.weight: tensor<64x64xf32>, %target.model.layers.0.self_attn.k_proj.weight: tensor<32x64xf32>, %target.model.layers.0.self_attn.v_proj.weight: tensor<32x64xf32>, %target.model.layers.0.self_attn.o_proj.weight: tensor<64x64xf32>, %target.model.layers.0.self_attn.q_norm.weight: tensor<16xf32>, %target.model.layers.0.self_attn.k_norm.weight: tensor<16xf32>, %target.model.layers.0.post_attention_layernorm.weight: tensor<64xf32>, %target.model.layers.0.mlp.gate_proj.weight: tensor<128x64xf32>, %target.model.layers.0.mlp.up_proj.weight: tensor<128x64xf32>, %target.model.layers.0.mlp.down_proj.weight: tensor<64x128xf32>, %target.model.layers.1.input_layernorm.weight: tensor<64xf32>, %target.model.layers.1.self_attn.q_proj.weight: tensor<64x64xf32>, %target.model.layers.1.self_attn.k_proj.weight: tensor<32x64xf32>, %target.model.layers.1.self_attn.v_proj.weight: tensor<32x64xf32>, %target.model.layers.1.self_attn.o_proj.weight: tensor<64x64xf32>, %target.model.layers.1.self_attn.q_norm.weight: tensor<16xf32>, %target.model.layers.1.self_attn.k_norm.weight: tensor<16xf32>, %target.model.layers.1.post_attention_layernorm.weight: tensor<64xf32>, %target.model.layers.1.mlp.gate_proj.weight: tensor<128x64xf32>, %target.model.layers.1.mlp.up_proj.weight: tensor<128x64xf32>, %target.model.layers.1.mlp.down_proj.weight: tensor<64x128xf32>, %target.model.norm.weight: tensor<64xf32>, %target.lm_head.weight: tensor<256x64xf32>, %draft.fc.weight: tensor<64x128xf32>, %draft.hidden_norm.weight: tensor<64xf32>, %draft.layers.0.self_attn.k_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.v_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.k_norm.weight: tensor<16xf32>, %target_kv: tensor<2x64x16x2x2x16xf32> {jax.buffer_donor = true}, %draft_k: tensor<1x5x256x2x16xf32> {jax.buffer_donor = true}, %draft_v: tensor<1x5x256x2x16xf32> {jax.buffer_donor = true}, %tokens: tensor<128xi32>, %positions: tensor<128xi32>, %token_request: tensor<128xi32>, %target_rows: tensor<128xi32>, %draft_rows: tensor<128xi32>, %block_tables: tensor<1x16xi32>, %last_index: tensor<1xi32>) -> (tensor<1xi32>, tensor<2x64x16x2x2x16xf32>, tensor<1x5x256x2x16xf32>, tensor<1x5x256x2x16xf32>) {
    %0 = stablehlo.reshape %token_request : (tensor<128xi32>) -> tensor<128x1xi32>
    %1 = "stablehlo.gather"(%block_tables, %0) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 16>}> : (tensor<1x16xi32>, tensor<128x1xi32>) -> tensor<128x16xi32>
    %2 = stablehlo.reshape %positions : (tensor<128xi32>) -> tensor<128x1xi32>
    %3 = stablehlo.reshape %tokens : (tensor<128xi32>) -> tensor<128x1xi32>
    %4 = "stablehlo.gather"(%target.model.embed_tokens.weight, %3) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 64>}> : (tensor<256x64xf32>, tensor<128x1xi32>) -> tensor<128x64xf32>
    %5 = stablehlo.constant dense<0> : tensor<i32>
    %6:2 = func.call @target_layer(%4, %2, %1, %target_rows, %target_kv, %5, %target.model.layers.0.input_layernorm.weight, %target.model.layers.0.self_attn.q_proj.weight, %target.model.layers.0.self_attn.k_proj.weight, %target.model.layers.0.self_attn.v_proj.weight, %target.model.layers.0.self_attn.o_proj.weight, %target.model.layers.0.self_attn.q_norm.weight, %target.model.layers.0.self_attn.k_norm.weight, %target.model.layers.0.post_attention_layernorm.weight, %target.model.layers.0.mlp.gate_proj.weight, %target.model.layers.0.mlp.up_proj.weight, %target.model.layers.0.mlp.down_proj.weight) : (tensor<128x64xf32>, tensor<128x1xi32>, tensor<128x16xi32>, tensor<128xi32>, tensor<2x64x16x2x2x16xf32>, tensor<i32>, tensor<64xf32>, tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<64x64xf32>, tensor<16xf32>, tensor<16xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128x64xf32>, tensor<64x128xf32>) -> (tensor<128x64xf32>, tensor<2x64x16x2x2x16xf32>)
    %7 = stablehlo.constant dense<1> : tensor<i32>
    %8:2 = func.call @target_layer(%6#0, %2, %1, %target_rows, %6#1, %7, %target.model.layers.1.input_layernorm.weight, %target.model.layers.1.self_attn.q_proj.weight, %target.model.layers.1.self_attn.k_proj.weight, %target.model.layers.1.self_attn.v_proj.weight, %target.model.layers.1.self_attn.o_proj.weight, %target.model.layers.1.self_attn.q_norm.weight, %target.model.layers.1.self_attn.k_norm.weight, %target.model.layers.1.post_attention_layernorm.weight, %target.model.layers.1.mlp.gate_proj.weight, %target.model.layers.1.mlp.up_proj.weight, %target.model.layers.1.mlp.down_proj.weight) : (tensor<128x64xf32>, tensor<128x1xi32>, tensor<128x16xi32>, tensor<128xi32>, tensor<2x64x16x2x2x16xf32>, tensor<i32>, tensor<64xf32>, tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<64x64xf32>, tensor<16xf32>, tensor<16xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128x64xf32>, tensor<64x128xf32>) -> (tensor<128x64xf32>, tensor<2x64x16x2x2x16xf32>)
    %9 = stablehlo.concatenate %6#0, %8#0, dim = 1 : (tensor<128x64xf32>, tensor<128x64xf32>) -> tensor<128x128xf32>
    %10 = stablehlo.dot_general %9, %draft.fc.weight, contracting_dims = [1] x [1] : (tensor<128x128xf32>, tensor<64x128xf32>) -> tensor<128x64xf32>
    %11 = stablehlo.multiply %10, %10 : tensor<128x64xf32>
    %12 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %13 = stablehlo.reduce(%11 init: %12) applies stablehlo.add across dimensions = [1] : (tensor<128x64xf32>, tensor<f32>) -> tensor<128xf32>
    %14 = stablehlo.constant dense<6.400000e+01> : tensor<128xf32>
    %15 = stablehlo.divide %13, %14 : tensor<128xf32>
    %16 = stablehlo.constant dense<1.000000e-06> : tensor<128xf32>
    %17 = stablehlo.add %15, %16 : tensor<128xf32>
    %18 = stablehlo.rsqrt %17 : tensor<128xf32>
    %19 = stablehlo.broadcast_in_dim %18, dims = [0] : (tensor<128xf32>) -> tensor<128x64xf32>
    %20 = stablehlo.multiply %10, %19 : tensor<128x64xf32>
    %21 = stablehlo.broadcast_in_dim %draft.hidden_norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<128x64xf32>
    %22 = stablehlo.multiply %20, %21 : tensor<128x64xf32>
    %23:2 = func.call @draft_context(%22, %positions, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.k_norm.weight) : (tensor<128x64xf32>, tensor<128xi32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<16xf32>) -> (tensor<128x2x16xf32>, tensor<128x2x16xf32>)
    %24 = stablehlo.reshape %draft_k : (tensor<1x5x256x2x16xf32>) -> tensor<1x1280x2x16xf32>
    %25 = stablehlo.constant dense<0> : tensor<128x1xi32>
    %26 = stablehlo.reshape %draft_rows : (tensor<128xi32>) -> tensor<128x1xi32>
    %27 = stablehlo.concatenate %25, %26, dim = 1 : (tensor<128x1xi32>, tensor<128x1xi32>) -> tensor<128x2xi32>
    %28 = "stablehlo.scatter"(%24, %27, %23#0) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg40: tensor<f32>, %arg41: tensor<f32>):
      stablehlo.return %arg41 : tensor<f32>
    }) : (tensor<1x1280x2x16xf32>, tensor<128x2xi32>, tensor<128x2x16xf32>) -> tensor<1x1280x2x16xf32>
    %29 = stablehlo.reshape %28 : (tensor<1x1280x2x16xf32>) -> tensor<1x5x256x2x16xf32>
    %30 = stablehlo.reshape %draft_v : (tensor<1x5x256x2x16xf32>) -> tensor<1x1280x2x16xf32>
    %31 = stablehlo.constant dense<0> : tensor<128x1xi32>
    %32 = stablehlo.reshape %draft_rows : (tensor<128xi32>) -> tensor<128x1xi32>
    %33 = stablehlo.concatenate %31, %32, dim = 1 : (tensor<128x1xi32>, tensor<128x1xi32>) -> tensor<128x2xi32>
    %34 = "stablehlo.scatter"(%30, %33, %23#1) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg42: tensor<f32>, %arg43: tensor<f32>):
      stablehlo.return %arg43 : tensor<f32>
    }) : (tensor<1x1280x2x16xf32>, tensor<128x2xi32>, tensor<128x2x16xf32>) -> tensor<1x1280x2x16xf32>
    %35 = stablehlo.reshape %34 : (tensor<1x1280x2x16xf32>) -> tensor<1x5x256x2x16xf32>
    %36 = stablehlo.reshape %last_index : (tensor<1xi32>) -> tensor<1x1xi32>
    %37 = "stablehlo.gather"(%8#0, %36) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 64>}> : (tensor<128x64xf32>, tensor<1x1xi32>) -> tensor<1x64xf32>
    %38 = stablehlo.multiply %37, %37 : tensor<1x64xf32>
    %39 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %40 = stablehlo.reduce(%38 init: %39) applies stablehlo.add across dimensions = [1] : (tensor<1x64xf32>, tensor<f32>) -> tensor<1xf32>
    %41 = stablehlo.constant dense<6.400000e+01> : tensor<1xf32>
    %42 = stablehlo.divide %40, %41 : tensor<1xf32>
    %43 = stablehlo.constant dense<1.000000e-06> : tensor<1xf32>
    %44 = stablehlo.add %42, %43 : tensor<1xf32>
    %45 = stablehlo.rsqrt %44 : tensor<1xf32>
    %46 = stablehlo.broadcast_in_dim %45, dims = [0] : (tensor<1xf32>) -> tensor<1x64xf32>
    %47 = stablehlo.multiply %37, %46 : tensor<1x64xf32>
    %48 = stablehlo.broadcast_in_dim %target.model.norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<1x64xf32>
    %49 = stablehlo.multiply %47, %48 : tensor<1x64xf32>
    %50 = stablehlo.dot_general %49, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<1x64xf32>, tensor<256x64xf32>) -> tensor<1x256xf32>
    %51 = stablehlo.iota dim = 1 : tensor<1x256xi32>
    %52 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %53 = stablehlo.constant dense<0> : tensor<i32>
    %54:2 = stablehlo.reduce(%50 init: %52), (%51 init: %53) across dimensions = [1] : (tensor<1x256xf32>, tensor<1x256xi32>, tensor<f32>, tensor<i32>) -> (tensor<1xf32>, tensor<1xi32>)
      reducer(%arg44: tensor<f32>, %arg46: tensor<f32>) (%arg45: tensor<i32>, %arg47: tensor<i32>) {
        %55 = stablehlo.compare  GT, %arg44, %arg46,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %56 = stablehlo.compare  EQ, %arg44, %arg46,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %57 = stablehlo.compare  LT, %arg45, %arg47,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %58 = stablehlo.and %56, %57 : tensor<i1>
        %59 = stablehlo.or %55, %58 : tensor<i1>
        %60 = stablehlo.select %59, %arg44, %arg46 : tensor<i1>, tensor<f32>
        %61 = stablehlo.select %59, %arg45, %arg47 : tensor<i1>, tensor<i32>
        stablehlo.return %60, %61 : tensor<f32>, tensor<i32>
      }
    return %54#1, %8#1, %29, %35 : tensor<1xi32>, tensor<2x64x16x2x2x16xf32>, tensor<1x5x256x2x16xf32>, tensor<1x5x256x2x16xf32>
  }
  func.func private @target_layer(%x: tensor<128x64xf32>, %positions: tensor<128x1xi32>, %tables: tensor<128x16xi32>, %rows: tensor<128xi32>, %target_kv: tensor<2x64x16x2x2x16xf32>, %layer: tensor<i32>, %input_layernorm.weight: tensor<64xf32>, %self_attn.q_proj.weight: tensor<64x64xf32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.o_proj.weight: tensor<64x64xf32>, %self_attn.q_norm.weight: tensor<16xf32>, %self_attn.k_norm.weight: tensor<16xf32>, %post_attention_layernorm.weight: tensor<64xf32>, %mlp.gate_proj.weight: tensor<128x64xf32>, %mlp.up_proj.weight: tensor<128x64xf32>, %mlp.down_proj.weight: tensor<64x128xf32>) -> (tensor<128x64xf32>, tensor<2x64x16x2x2x16xf32>) {
    %0 = stablehlo.reshape %positions : (tensor<128x1xi32>) -> tensor<128xi32>
    %1 = stablehlo.multiply %x, %x : tensor<128x64xf32>
    %2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %3 = stablehlo.reduce(%1 init: %2) applies stablehlo.add across dimensions = [1] : (tensor<128x64xf32>, tensor<f32>) -> tensor<128xf32>
    %4 = stablehlo.constant dense<6.400000e+01> : tensor<128xf32>
    %5 = stablehlo.divide %3, %4 : tensor<128xf32>
    %6 = stablehlo.constant dense<1.000000e-06> : tensor<128xf32>
    %7 = stablehlo.add %5, %6 : tensor<128xf32>
    %8 = stablehlo.rsqrt %7 : tensor<128xf32>
    %9 = stablehlo.broadcast_in_dim %8, dims = [0] : (tensor<128xf32>) -> tensor<128x64xf32>
    %10 = stablehlo.multiply %x, %9 : tensor<128x64xf32>
    %11 = stablehlo.broadcast_in_dim %input_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<128x64xf32>
    %12 = stablehlo.multiply %10, %11 : tensor<128x64xf32>
    %13 = stablehlo.dot_general %12, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<128x64xf32>, tensor<64x64xf32>) -> tensor<128x64xf32>
    %14 = stablehlo.reshape %13 : (tensor<128x64xf32>) -> tensor<128x4x16xf32>
    %15 = stablehlo.dot_general %12, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<128x64xf32>, tensor<32x64xf32>) -> tensor<128x32xf32>
    %16 = stablehlo.reshape %15 : (tensor<128x32xf32>) -> tensor<128x2x16xf32>
    %17 = stablehlo.dot_general %12, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<128x64xf32>, tensor<32x64xf32>) -> tensor<128x32xf32>
    %18 = stablehlo.reshape %17 : (tensor<128x32xf32>) -> tensor<128x2x16xf32>
    %19 = stablehlo.multiply %14, %14 : tensor<128x4x16xf32>
    %20 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %21 = stablehlo.reduce(%19 init: %20) applies stablehlo.add across dimensions = [2] : (tensor<128x4x16xf32>, tensor<f32>) -> tensor<128x4xf32>
    %22 = stablehlo.constant dense<1.600000e+01> : tensor<128x4xf32>
    %23 = stablehlo.divide %21, %22 : tensor<128x4xf32>
    %24 = stablehlo.constant dense<1.000000e-06> : tensor<128x4xf32>
    %25 = stablehlo.add %23, %24 : tensor<128x4xf32>
    %26 = stablehlo.rsqrt %25 : tensor<128x4xf32>
    %27 = stablehlo.broadcast_in_dim %26, dims = [0, 1] : (tensor<128x4xf32>) -> tensor<128x4x16xf32>
    %28 = stablehlo.multiply %14, %27 : tensor<128x4x16xf32>
    %29 = stablehlo.broadcast_in_dim %self_attn.q_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<128x4x16xf32>
    %30 = stablehlo.multiply %28, %29 : tensor<128x4x16xf32>
    %31 = stablehlo.multiply %16, %16 : tensor<128x2x16xf32>
    %32 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %33 = stablehlo.reduce(%31 init: %32) applies stablehlo.add across dimensions = [2] : (tensor<128x2x16xf32>, tensor<f32>) -> tensor<128x2xf32>
    %34 = stablehlo.constant dense<1.600000e+01> : tensor<128x2xf32>
    %35 = stablehlo.divide %33, %34 : tensor<128x2xf32>
    %36 = stablehlo.constant dense<1.000000e-06> : tensor<128x2xf32>
    %37 = stablehlo.add %35, %36 : tensor<128x2xf32>
    %38 = stablehlo.rsqrt %37 : tensor<128x2xf32>
    %39 = stablehlo.broadcast_in_dim %38, dims = [0, 1] : (tensor<128x2xf32>) -> tensor<128x2x16xf32>
    %40 = stablehlo.multiply %16, %39 : tensor<128x2x16xf32>
    %41 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<128x2x16xf32>
    %42 = stablehlo.multiply %40, %41 : tensor<128x2x16xf32>
    %43 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %44 = stablehlo.convert %0 : (tensor<128xi32>) -> tensor<128xf32>
    %45 = stablehlo.broadcast_in_dim %44, dims = [0] : (tensor<128xf32>) -> tensor<128x8xf32>
    %46 = stablehlo.broadcast_in_dim %43, dims = [1] : (tensor<8xf32>) -> tensor<128x8xf32>
    %47 = stablehlo.multiply %45, %46 : tensor<128x8xf32>
    %48 = stablehlo.cosine %47 : tensor<128x8xf32>
    %49 = stablehlo.concatenate %48, %48, dim = 1 : (tensor<128x8xf32>, tensor<128x8xf32>) -> tensor<128x16xf32>
    %50 = stablehlo.broadcast_in_dim %49, dims = [0, 2] : (tensor<128x16xf32>) -> tensor<128x4x16xf32>
    %51 = stablehlo.sine %47 : tensor<128x8xf32>
    %52 = stablehlo.concatenate %51, %51, dim = 1 : (tensor<128x8xf32>, tensor<128x8xf32>) -> tensor<128x16xf32>
    %53 = stablehlo.broadcast_in_dim %52, dims = [0, 2] : (tensor<128x16xf32>) -> tensor<128x4x16xf32>
    %54 = stablehlo.slice %30 [0:128, 0:4, 0:8] : (tensor<128x4x16xf32>) -> tensor<128x4x8xf32>
    %55 = stablehlo.slice %30 [0:128, 0:4, 8:16] : (tensor<128x4x16xf32>) -> tensor<128x4x8xf32>
    %56 = stablehlo.negate %55 : tensor<128x4x8xf32>
    %57 = stablehlo.concatenate %56, %54, dim = 2 : (tensor<128x4x8xf32>, tensor<128x4x8xf32>) -> tensor<128x4x16xf32>
    %58 = stablehlo.multiply %30, %50 : tensor<128x4x16xf32>
    %59 = stablehlo.multiply %57, %53 : tensor<128x4x16xf32>
    %60 = stablehlo.add %58, %59 : tensor<128x4x16xf32>
    %61 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %62 = stablehlo.convert %0 : (tensor<128xi32>) -> tensor<128xf32>
    %63 = stablehlo.broadcast_in_dim %62, dims = [0] : (tensor<128xf32>) -> tensor<128x8xf32>
    %64 = stablehlo.broadcast_in_dim %61, dims = [1] : (tensor<8xf32>) -> tensor<128x8xf32>
    %65 = stablehlo.multiply %63, %64 : tensor<128x8xf32>
    %66 = stablehlo.cosine %65 : tensor<128x8xf32>
    %67 = stablehlo.concatenate %66, %66, dim = 1 : (tensor<128x8xf32>, tensor<128x8xf32>) -> tensor<128x16xf32>
    %68 = stablehlo.broadcast_in_dim %67, dims = [0, 2] : (tensor<128x16xf32>) -> tensor<128x2x16xf32>
    %69 = stablehlo.sine %65 : tensor<128x8xf32>
    %70 = stablehlo.concatenate %69, %69, dim = 1 : (tensor<128x8xf32>, tensor<128x8xf32>) -> tensor<128x16xf32>
    %71 = stablehlo.broadcast_in_dim %70, dims = [0, 2] : (tensor<128x16xf32>) -> tensor<128x2x16xf32>
    %72 = stablehlo.slice %42 [0:128, 0:2, 0:8] : (tensor<128x2x16xf32>) -> tensor<128x2x8xf32>
    %73 = stablehlo.slice %42 [0:128, 0:2, 8:16] : (tensor<128x2x16xf32>) -> tensor<128x2x8xf32>
    %74 = stablehlo.negate %73 : tensor<128x2x8xf32>
    %75 = stablehlo.concatenate %74, %72, dim = 2 : (tensor<128x2x8xf32>, tensor<128x2x8xf32>) -> tensor<128x2x16xf32>
    %76 = stablehlo.multiply %42, %68 : tensor<128x2x16xf32>
    %77 = stablehlo.multiply %75, %71 : tensor<128x2x16xf32>
    %78 = stablehlo.add %76, %77 : tensor<128x2x16xf32>
    %79 = stablehlo.reshape %target_kv : (tensor<2x64x16x2x2x16xf32>) -> tensor<2x1024x2x2x16xf32>
    %80 = stablehlo.reshape %78 : (tensor<128x2x16xf32>) -> tensor<128x1x2x16xf32>
    %81 = stablehlo.reshape %18 : (tensor<128x2x16xf32>) -> tensor<128x1x2x16xf32>
    %82 = stablehlo.concatenate %80, %81, dim = 1 : (tensor<128x1x2x16xf32>, tensor<128x1x2x16xf32>) -> tensor<128x2x2x16xf32>
    %83 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<128x1xi32>
    %84 = stablehlo.reshape %rows : (tensor<128xi32>) -> tensor<128x1xi32>
    %85 = stablehlo.concatenate %83, %84, dim = 1 : (tensor<128x1xi32>, tensor<128x1xi32>) -> tensor<128x2xi32>
    %86 = "stablehlo.scatter"(%79, %85, %82) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg17: tensor<f32>, %arg18: tensor<f32>):
      stablehlo.return %arg18 : tensor<f32>
    }) : (tensor<2x1024x2x2x16xf32>, tensor<128x2xi32>, tensor<128x2x2x16xf32>) -> tensor<2x1024x2x2x16xf32>
    %87 = stablehlo.reshape %86 : (tensor<2x1024x2x2x16xf32>) -> tensor<2x64x16x2x2x16xf32>
    %88 = stablehlo.reshape %60 : (tensor<128x4x16xf32>) -> tensor<128x1x4x16xf32>
    %89 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<128x16x1xi32>
    %90 = stablehlo.reshape %tables : (tensor<128x16xi32>) -> tensor<128x16x1xi32>
    %91 = stablehlo.constant dense<0> : tensor<128x16x1xi32>
    %92 = stablehlo.concatenate %89, %90, %91, dim = 2 : (tensor<128x16x1xi32>, tensor<128x16x1xi32>, tensor<128x16x1xi32>) -> tensor<128x16x3xi32>
    %93 = "stablehlo.gather"(%87, %92) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 16, 1, 2, 16>}> : (tensor<2x64x16x2x2x16xf32>, tensor<128x16x3xi32>) -> tensor<128x16x16x2x16xf32>
    %94 = stablehlo.reshape %93 : (tensor<128x16x16x2x16xf32>) -> tensor<128x256x2x16xf32>
    %95 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<128x16x1xi32>
    %96 = stablehlo.reshape %tables : (tensor<128x16xi32>) -> tensor<128x16x1xi32>
    %97 = stablehlo.constant dense<1> : tensor<128x16x1xi32>
    %98 = stablehlo.concatenate %95, %96, %97, dim = 2 : (tensor<128x16x1xi32>, tensor<128x16x1xi32>, tensor<128x16x1xi32>) -> tensor<128x16x3xi32>
    %99 = "stablehlo.gather"(%87, %98) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 16, 1, 2, 16>}> : (tensor<2x64x16x2x2x16xf32>, tensor<128x16x3xi32>) -> tensor<128x16x16x2x16xf32>
    %100 = stablehlo.reshape %99 : (tensor<128x16x16x2x16xf32>) -> tensor<128x256x2x16xf32>
    %101 = stablehlo.iota dim = 2 : tensor<128x1x256xi32>
    %102 = stablehlo.broadcast_in_dim %positions, dims = [0, 1] : (tensor<128x1xi32>) -> tensor<128x1x256xi32>
    %103 = stablehlo.compare  LE, %101, %102,  SIGNED : (tensor<128x1x256xi32>, tensor<128x1x256xi32>) -> tensor<128x1x256xi1>
    %104 = stablehlo.reshape %88 : (tensor<128x1x4x16xf32>) -> tensor<128x1x2x2x16xf32>
    %105 = stablehlo.dot_general %104, %94, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<128x1x2x2x16xf32>, tensor<128x256x2x16xf32>) -> tensor<128x2x1x2x256xf32>
    %106 = stablehlo.constant dense<2.500000e-01> : tensor<128x2x1x2x256xf32>
    %107 = stablehlo.multiply %105, %106 : tensor<128x2x1x2x256xf32>
    %108 = stablehlo.broadcast_in_dim %103, dims = [0, 2, 4] : (tensor<128x1x256xi1>) -> tensor<128x2x1x2x256xi1>
    %109 = stablehlo.constant dense<0xFF800000> : tensor<128x2x1x2x256xf32>
    %110 = stablehlo.select %108, %107, %109 : tensor<128x2x1x2x256xi1>, tensor<128x2x1x2x256xf32>
    %111 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %112 = stablehlo.reduce(%110 init: %111) applies stablehlo.maximum across dimensions = [4] : (tensor<128x2x1x2x256xf32>, tensor<f32>) -> tensor<128x2x1x2xf32>
    %113 = stablehlo.broadcast_in_dim %112, dims = [0, 1, 2, 3] : (tensor<128x2x1x2xf32>) -> tensor<128x2x1x2x256xf32>
    %114 = stablehlo.subtract %110, %113 : tensor<128x2x1x2x256xf32>
    %115 = stablehlo.exponential %114 : tensor<128x2x1x2x256xf32>
    %116 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %117 = stablehlo.reduce(%115 init: %116) applies stablehlo.add across dimensions = [4] : (tensor<128x2x1x2x256xf32>, tensor<f32>) -> tensor<128x2x1x2xf32>
    %118 = stablehlo.broadcast_in_dim %117, dims = [0, 1, 2, 3] : (tensor<128x2x1x2xf32>) -> tensor<128x2x1x2x256xf32>
    %119 = stablehlo.divide %115, %118 : tensor<128x2x1x2x256xf32>
    %120 = stablehlo.dot_general %119, %100, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<128x2x1x2x256xf32>, tensor<128x256x2x16xf32>) -> tensor<128x2x1x2x16xf32>
    %121 = stablehlo.transpose %120, dims = [0, 2, 1, 3, 4] : (tensor<128x2x1x2x16xf32>) -> tensor<128x1x2x2x16xf32>
    %122 = stablehlo.reshape %121 : (tensor<128x1x2x2x16xf32>) -> tensor<128x1x4x16xf32>
    %123 = stablehlo.reshape %122 : (tensor<128x1x4x16xf32>) -> tensor<128x64xf32>
    %124 = stablehlo.dot_general %123, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<128x64xf32>, tensor<64x64xf32>) -> tensor<128x64xf32>
    %125 = stablehlo.add %x, %124 : tensor<128x64xf32>
    %126 = stablehlo.multiply %125, %125 : tensor<128x64xf32>
    %127 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %128 = stablehlo.reduce(%126 init: %127) applies stablehlo.add across dimensions = [1] : (tensor<128x64xf32>, tensor<f32>) -> tensor<128xf32>
    %129 = stablehlo.constant dense<6.400000e+01> : tensor<128xf32>
    %130 = stablehlo.divide %128, %129 : tensor<128xf32>
    %131 = stablehlo.constant dense<1.000000e-06> : tensor<128xf32>
    %132 = stablehlo.add %130, %131 : tensor<128xf32>
    %133 = stablehlo.rsqrt %132 : tensor<128xf32>
    %134 = stablehlo.broadcast_in_dim %133, dims = [0] : (tensor<128xf32>) -> tensor<128x64xf32>
    %135 = stablehlo.multiply %125, %134 : tensor<128x64xf32>
    %136 = stablehlo.broadcast_in_dim %post_attention_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<128x64xf32>
    %137 = stablehlo.multiply %135, %136 : tensor<128x64xf32>
    %138 = stablehlo.dot_general %137, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<128x64xf32>, tensor<128x64xf32>) -> tensor<128x128xf32>
    %139 = stablehlo.dot_general %137, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<128x64xf32>, tensor<128x64xf32>) -> tensor<128x128xf32>
    %140 = stablehlo.logistic %138 : tensor<128x128xf32>
    %141 = stablehlo.multiply %138, %140 : tensor<128x128xf32>
    %142 = stablehlo.multiply %141, %139 : tensor<128x128xf32>
    %143 = stablehlo.dot_general %142, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<128x128xf32>, tensor<64x128xf32>) -> tensor<128x64xf32>
    %144 = stablehlo.add %125, %143 : tensor<128x64xf32>
    return %144, %87 : tensor<128x64xf32>, tensor<2x64x16x2x2x16xf32>
  }
  func.func private @draft_context(%ctx: tensor<128x64xf32>, %positions: tensor<128xi32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.k_norm.weight: tensor<16xf32>) -> (tensor<128x2x16xf32>, tensor<128x2x16xf32>) {
    %0 = stablehlo.dot_general %ctx, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<128x64xf32>, tensor<32x64xf32>) -> tensor<128x32xf32>
    %1 = stablehlo.reshape %0 : (tensor<128x32xf32>) -> tensor<128x2x16xf32>
    %2 = stablehlo.dot_general %ctx, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<128x64xf32>, tensor<32x64xf32>) -> tensor<128x32xf32>
    %3 = stablehlo.reshape %2 : (tensor<128x32xf32>) -> tensor<128x2x16xf32>
    %4 = stablehlo.multiply %1, %1 : tensor<128x2x16xf32>
    %5 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %6 = stablehlo.reduce(%4 init: %5) applies stablehlo.add across dimensions = [2] : (tensor<128x2x16xf32>, tensor<f32>) -> tensor<128x2xf32>
    %7 = stablehlo.constant dense<1.600000e+01> : tensor<128x2xf32>
    %8 = stablehlo.divide %6, %7 : tensor<128x2xf32>
    %9 = stablehlo.constant dense<1.000000e-06> : tensor<128x2xf32>
    %10 = stablehlo.add %8, %9 : tensor<128x2xf32>
    %11 = stablehlo.rsqrt %10 : tensor<128x2xf32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [0, 1] : (tensor<128x2xf32>) -> tensor<128x2x16xf32>
    %13 = stablehlo.multiply %1, %12 : tensor<128x2x16xf32>
    %14 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<128x2x16xf32>
    %15 = stablehlo.multiply %13, %14 : tensor<128x2x16xf32>
    %16 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %17 = stablehlo.convert %positions : (tensor<128xi32>) -> tensor<128xf32>
    %18 = stablehlo.broadcast_in_dim %17, dims = [0] : (tensor<128xf32>) -> tensor<128x8xf32>
    %19 = stablehlo.broadcast_in_dim %16, dims = [1] : (tensor<8xf32>) -> tensor<128x8xf32>
    %20 = stablehlo.multiply %18, %19 : tensor<128x8xf32>
    %21 = stablehlo.cosine %20 : tensor<128x8xf32>
    %22 = stablehlo.concatenate %21, %21, dim = 1 : (tensor<128x8xf32>, tensor<128x8xf32>) -> tensor<128x16xf32>
    %23 = stablehlo.broadcast_in_dim %22, dims = [0, 2] : (tensor<128x16xf32>) -> tensor<128x2x16xf32>
    %24 = stablehlo.sine %20 : tensor<128x8xf32>
    %25 = stablehlo.concatenate %24, %24, dim = 1 : (tensor<128x8xf32>, tensor<128x8xf32>) -> tensor<128x16xf32>
    %26 = stablehlo.broadcast_in_dim %25, dims = [0, 2] : (tensor<128x16xf32>) -> tensor<128x2x16xf32>
    %27 = stablehlo.slice %15 [0:128, 0:2, 0:8] : (tensor<128x2x16xf32>) -> tensor<128x2x8xf32>
    %28 = stablehlo.slice %15 [0:128, 0:2, 8:16] : (tensor<128x2x16xf32>) -> tensor<128x2x8xf32>
    %29 = stablehlo.negate %28 : tensor<128x2x8xf32>
    %30 = stablehlo.concatenate %29, %27, dim = 2 : (tensor<128x2x8xf32>, tensor<128x2x8xf32>) -> tensor<128x2x16xf32>
    %31 = stablehlo.multiply %15, %23 : tensor<128x2x16xf32>
    %32 = stablehlo.multiply %30, %26 : tensor<128x2x16xf32>
    %33 = stablehlo.add %31, %32 : tensor<128x2x16xf32>
    return %33, %3 : tensor<128x2x16xf32>, tensor<128x2x16xf32>
  }
}
