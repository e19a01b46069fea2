module @prefill_r2_t256 {
  func.func public @main(%target.model.embed_tokens.weight: tensor<256x64xf32>, %target.model.layers.$.input_layernorm.weight: tensor<2x64xf32>, %target.model.layers.$.self_attn.q_proj.weight: tensor<2x64x64xf32>, %target.model.layers.$.self_attn.k_proj.weight: tensor<2x32x64xf32>, %target.model.layers.$.self_attn.v_proj.weight: tensor<2x32x64xf32>, %target.model.layers.$.self_attn.o_proj.weight: tensor<2x64x64xf32>, %target.model.layers.$.self_attn.q_norm.weight: tensor<2x16xf32>, %target.model.layers.$.self_attn.k_norm.weight: tensor<2x16xf32>, %target.model.layers.$.post_attention_layernorm.weight: tensor<2x64xf32>, %target.model.layers.$.mlp.gate_proj.weight: tensor<2x128x64xf32>, %target.model.layers.$.mlp.up_proj.weight: tensor<2x128x64xf32>, %target.model.layers.$.mlp.down_proj.weight: tensor<2x64x128xf32>, %target.model.norm.weight: tensor<64xf32>, %target.lm_head.weight: tensor<256x64xf32>, %draft.fc.weight: tensor<64x128xf32>, %draft.hidden_norm.weight: tensor<64xf32>, %draft.layers.0.self_attn.k_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.v_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.k_norm.weight: tensor<16xf32>, %target_kv: tensor<2x2x2x64x16x16xf32> {jax.buffer_donor = true}, %draft_k: tensor<1x5x256x2x16xf32> {jax.buffer_donor = true}, %draft_v: tensor<1x5x256x2x16xf32> {jax.buffer_donor = true}, %seq_state: tensor<5x2xi32> {jax.buffer_donor = true}, %tokens: tensor<256xi32>, %positions: tensor<256xi32>, %token_request: tensor<256xi32>, %target_rows: tensor<256xi32>, %draft_rows: tensor<256xi32>, %block_tables: tensor<2x16xi32>, %last_index: tensor<2xi32>, %state_slots: tensor<2xi32>, %state_tokens: tensor<2xi32>, %state_lens: tensor<2xi32>) -> (tensor<2xi32>, tensor<2x2x2x64x16x16xf32>, tensor<1x5x256x2x16xf32>, tensor<1x5x256x2x16xf32>, tensor<5x2xi32>) {
    %0 = stablehlo.reshape %positions : (tensor<256xi32>) -> tensor<256x1xi32>
    %1 = stablehlo.reshape %tokens : (tensor<256xi32>) -> tensor<256x1xi32>
    %2 = "stablehlo.gather"(%target.model.embed_tokens.weight, %1) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 64>}> : (tensor<256x64xf32>, tensor<256x1xi32>) -> tensor<256x64xf32>
    %3 = stablehlo.constant dense<0.000000e+00> : tensor<3x256x64xf32>
    %4 = stablehlo.constant dense<[0, 1]> : tensor<2xi32>
    %5 = stablehlo.constant dense<0> : tensor<i32>
    %6:4 = stablehlo.while(%iterArg = %5, %iterArg_0 = %2, %iterArg_1 = %target_kv, %iterArg_2 = %3) : tensor<i32>, tensor<256x64xf32>, tensor<2x2x2x64x16x16xf32>, tensor<3x256x64xf32>
    cond {
      %7 = stablehlo.constant dense<2> : tensor<i32>
      %8 = stablehlo.compare  LT, %iterArg, %7,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
      stablehlo.return %8 : tensor<i1>
    } do {
      %9 = stablehlo.constant dense<0> : tensor<i32>
      %10 = stablehlo.dynamic_slice %target.model.layers.$.input_layernorm.weight, %iterArg, %9, sizes = [1, 64] : (tensor<2x64xf32>, tensor<i32>, tensor<i32>) -> tensor<1x64xf32>
      %11 = stablehlo.reshape %10 : (tensor<1x64xf32>) -> tensor<64xf32>
      %12 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.q_proj.weight, %iterArg, %9, %9, sizes = [1, 64, 64] : (tensor<2x64x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x64xf32>
      %13 = stablehlo.reshape %12 : (tensor<1x64x64xf32>) -> tensor<64x64xf32>
      %14 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.k_proj.weight, %iterArg, %9, %9, sizes = [1, 32, 64] : (tensor<2x32x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x32x64xf32>
      %15 = stablehlo.reshape %14 : (tensor<1x32x64xf32>) -> tensor<32x64xf32>
      %16 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.v_proj.weight, %iterArg, %9, %9, sizes = [1, 32, 64] : (tensor<2x32x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x32x64xf32>
      %17 = stablehlo.reshape %16 : (tensor<1x32x64xf32>) -> tensor<32x64xf32>
      %18 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.o_proj.weight, %iterArg, %9, %9, sizes = [1, 64, 64] : (tensor<2x64x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x64xf32>
      %19 = stablehlo.reshape %18 : (tensor<1x64x64xf32>) -> tensor<64x64xf32>
      %20 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.q_norm.weight, %iterArg, %9, sizes = [1, 16] : (tensor<2x16xf32>, tensor<i32>, tensor<i32>) -> tensor<1x16xf32>
      %21 = stablehlo.reshape %20 : (tensor<1x16xf32>) -> tensor<16xf32>
      %22 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.k_norm.weight, %iterArg, %9, sizes = [1, 16] : (tensor<2x16xf32>, tensor<i32>, tensor<i32>) -> tensor<1x16xf32>
      %23 = stablehlo.reshape %22 : (tensor<1x16xf32>) -> tensor<16xf32>
      %24 = stablehlo.dynamic_slice %target.model.layers.$.post_attention_layernorm.weight, %iterArg, %9, sizes = [1, 64] : (tensor<2x64xf32>, tensor<i32>, tensor<i32>) -> tensor<1x64xf32>
      %25 = stablehlo.reshape %24 : (tensor<1x64xf32>) -> tensor<64xf32>
      %26 = stablehlo.dynamic_slice %target.model.layers.$.mlp.gate_proj.weight, %iterArg, %9, %9, sizes = [1, 128, 64] : (tensor<2x128x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x128x64xf32>
      %27 = stablehlo.reshape %26 : (tensor<1x128x64xf32>) -> tensor<128x64xf32>
      %28 = stablehlo.dynamic_slice %target.model.layers.$.mlp.up_proj.weight, %iterArg, %9, %9, sizes = [1, 128, 64] : (tensor<2x128x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x128x64xf32>
      %29 = stablehlo.reshape %28 : (tensor<1x128x64xf32>) -> tensor<128x64xf32>
      %30 = stablehlo.dynamic_slice %target.model.layers.$.mlp.down_proj.weight, %iterArg, %9, %9, sizes = [1, 64, 128] : (tensor<2x64x128xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x128xf32>
      %31 = stablehlo.reshape %30 : (tensor<1x64x128xf32>) -> tensor<64x128xf32>
      %32:2 = func.call @target_layer_grouped(%iterArg_0, %iterArg_1, %0, %block_tables, %token_request, %target_rows, %iterArg, %11, %13, %15, %17, %19, %21, %23, %25, %27, %29, %31) : (tensor<256x64xf32>, tensor<2x2x2x64x16x16xf32>, tensor<256x1xi32>, tensor<2x16xi32>, tensor<256xi32>, tensor<256xi32>, tensor<i32>, tensor<64xf32>, tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<64x64xf32>, tensor<16xf32>, tensor<16xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128x64xf32>, tensor<64x128xf32>) -> (tensor<256x64xf32>, tensor<2x2x2x64x16x16xf32>)
      %33 = stablehlo.reshape %32#0 : (tensor<256x64xf32>) -> tensor<1x256x64xf32>
      %34 = stablehlo.dynamic_slice %4, %iterArg, sizes = [1] : (tensor<2xi32>, tensor<i32>) -> tensor<1xi32>
      %35 = stablehlo.reshape %34 : (tensor<1xi32>) -> tensor<i32>
      %36 = stablehlo.dynamic_update_slice %iterArg_2, %33, %35, %9, %9 : (tensor<3x256x64xf32>, tensor<1x256x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<3x256x64xf32>
      %37 = stablehlo.constant dense<1> : tensor<i32>
      %38 = stablehlo.add %iterArg, %37 : tensor<i32>
      stablehlo.return %38, %32#0, %32#1, %36 : tensor<i32>, tensor<256x64xf32>, tensor<2x2x2x64x16x16xf32>, tensor<3x256x64xf32>
    }
    %39 = stablehlo.slice %6#3 [0:1, 0:256, 0:64] : (tensor<3x256x64xf32>) -> tensor<1x256x64xf32>
    %40 = stablehlo.reshape %39 : (tensor<1x256x64xf32>) -> tensor<256x64xf32>
    %41 = stablehlo.slice %6#3 [1:2, 0:256, 0:64] : (tensor<3x256x64xf32>) -> tensor<1x256x64xf32>
    %42 = stablehlo.reshape %41 : (tensor<1x256x64xf32>) -> tensor<256x64xf32>
    %43 = stablehlo.concatenate %40, %42, dim = 1 : (tensor<256x64xf32>, tensor<256x64xf32>) -> tensor<256x128xf32>
    %44 = stablehlo.dot_general %43, %draft.fc.weight, contracting_dims = [1] x [1] : (tensor<256x128xf32>, tensor<64x128xf32>) -> tensor<256x64xf32>
    %45 = stablehlo.multiply %44, %44 : tensor<256x64xf32>
    %46 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %47 = stablehlo.reduce(%45 init: %46) applies stablehlo.add across dimensions = [1] : (tensor<256x64xf32>, tensor<f32>) -> tensor<256xf32>
    %48 = stablehlo.constant dense<6.400000e+01> : tensor<256xf32>
    %49 = stablehlo.divide %47, %48 : tensor<256xf32>
    %50 = stablehlo.constant dense<1.000000e-06> : tensor<256xf32>
    %51 = stablehlo.add %49, %50 : tensor<256xf32>
    %52 = stablehlo.rsqrt %51 : tensor<256xf32>
    %53 = stablehlo.broadcast_in_dim %52, dims = [0] : (tensor<256xf32>) -> tensor<256x64xf32>
    %54 = stablehlo.multiply %44, %53 : tensor<256x64xf32>
    %55 = stablehlo.broadcast_in_dim %draft.hidden_norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<256x64xf32>
    %56 = stablehlo.multiply %54, %55 : tensor<256x64xf32>
    %57:2 = func.call @draft_context(%56, %positions, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.k_norm.weight) : (tensor<256x64xf32>, tensor<256xi32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<16xf32>) -> (tensor<256x2x16xf32>, tensor<256x2x16xf32>)
    %58 = stablehlo.reshape %draft_k : (tensor<1x5x256x2x16xf32>) -> tensor<1x1280x2x16xf32>
    %59 = stablehlo.constant dense<0> : tensor<256x1xi32>
    %60 = stablehlo.reshape %draft_rows : (tensor<256xi32>) -> tensor<256x1xi32>
    %61 = stablehlo.concatenate %59, %60, dim = 1 : (tensor<256x1xi32>, tensor<256x1xi32>) -> tensor<256x2xi32>
    %62 = "stablehlo.scatter"(%58, %61, %57#0) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg33: tensor<f32>, %arg34: tensor<f32>):
      stablehlo.return %arg34 : tensor<f32>
    }) : (tensor<1x1280x2x16xf32>, tensor<256x2xi32>, tensor<256x2x16xf32>) -> tensor<1x1280x2x16xf32>
    %63 = stablehlo.reshape %62 : (tensor<1x1280x2x16xf32>) -> tensor<1x5x256x2x16xf32>
    %64 = stablehlo.reshape %draft_v : (tensor<1x5x256x2x16xf32>) -> tensor<1x1280x2x16xf32>
    %65 = stablehlo.constant dense<0> : tensor<256x1xi32>
    %66 = stablehlo.reshape %draft_rows : (tensor<256xi32>) -> tensor<256x1xi32>
    %67 = stablehlo.concatenate %65, %66, dim = 1 : (tensor<256x1xi32>, tensor<256x1xi32>) -> tensor<256x2xi32>
    %68 = "stablehlo.scatter"(%64, %67, %57#1) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg35: tensor<f32>, %arg36: tensor<f32>):
      stablehlo.return %arg36 : tensor<f32>
    }) : (tensor<1x1280x2x16xf32>, tensor<256x2xi32>, tensor<256x2x16xf32>) -> tensor<1x1280x2x16xf32>
    %69 = stablehlo.reshape %68 : (tensor<1x1280x2x16xf32>) -> tensor<1x5x256x2x16xf32>
    %70 = stablehlo.reshape %last_index : (tensor<2xi32>) -> tensor<2x1xi32>
    %71 = "stablehlo.gather"(%6#1, %70) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 64>}> : (tensor<256x64xf32>, tensor<2x1xi32>) -> tensor<2x64xf32>
    %72 = stablehlo.multiply %71, %71 : tensor<2x64xf32>
    %73 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %74 = stablehlo.reduce(%72 init: %73) applies stablehlo.add across dimensions = [1] : (tensor<2x64xf32>, tensor<f32>) -> tensor<2xf32>
    %75 = stablehlo.constant dense<6.400000e+01> : tensor<2xf32>
    %76 = stablehlo.divide %74, %75 : tensor<2xf32>
    %77 = stablehlo.constant dense<1.000000e-06> : tensor<2xf32>
    %78 = stablehlo.add %76, %77 : tensor<2xf32>
    %79 = stablehlo.rsqrt %78 : tensor<2xf32>
    %80 = stablehlo.broadcast_in_dim %79, dims = [0] : (tensor<2xf32>) -> tensor<2x64xf32>
    %81 = stablehlo.multiply %71, %80 : tensor<2x64xf32>
    %82 = stablehlo.broadcast_in_dim %target.model.norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<2x64xf32>
    %83 = stablehlo.multiply %81, %82 : tensor<2x64xf32>
    %84 = stablehlo.dot_general %83, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<2x64xf32>, tensor<256x64xf32>) -> tensor<2x256xf32>
    %85 = stablehlo.iota dim = 1 : tensor<2x256xi32>
    %86 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %87 = stablehlo.constant dense<0> : tensor<i32>
    %88:2 = stablehlo.reduce(%84 init: %86), (%85 init: %87) across dimensions = [1] : (tensor<2x256xf32>, tensor<2x256xi32>, tensor<f32>, tensor<i32>) -> (tensor<2xf32>, tensor<2xi32>)
      reducer(%arg37: tensor<f32>, %arg39: tensor<f32>) (%arg38: tensor<i32>, %arg40: tensor<i32>) {
        %89 = stablehlo.compare  GT, %arg37, %arg39,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %90 = stablehlo.compare  EQ, %arg37, %arg39,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %91 = stablehlo.compare  LT, %arg38, %arg40,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %92 = stablehlo.and %90, %91 : tensor<i1>
        %93 = stablehlo.or %89, %92 : tensor<i1>
        %94 = stablehlo.select %93, %arg37, %arg39 : tensor<i1>, tensor<f32>
        %95 = stablehlo.select %93, %arg38, %arg40 : tensor<i1>, tensor<i32>
        stablehlo.return %94, %95 : tensor<f32>, tensor<i32>
      }
    %96 = stablehlo.constant dense<0> : tensor<2xi32>
    %97 = stablehlo.compare  GE, %state_tokens, %96,  SIGNED : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi1>
    %98 = stablehlo.select %97, %state_tokens, %88#1 : tensor<2xi1>, tensor<2xi32>
    %99 = stablehlo.reshape %98 : (tensor<2xi32>) -> tensor<2x1xi32>
    %100 = stablehlo.reshape %state_lens : (tensor<2xi32>) -> tensor<2x1xi32>
    %101 = stablehlo.concatenate %99, %100, dim = 1 : (tensor<2x1xi32>, tensor<2x1xi32>) -> tensor<2x2xi32>
    %102 = stablehlo.reshape %state_slots : (tensor<2xi32>) -> tensor<2x1xi32>
    %103 = "stablehlo.scatter"(%seq_state, %102, %101) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg41: tensor<i32>, %arg42: tensor<i32>):
      stablehlo.return %arg42 : tensor<i32>
    }) : (tensor<5x2xi32>, tensor<2x1xi32>, tensor<2x2xi32>) -> tensor<5x2xi32>
    return %88#1, %6#2, %63, %69, %103 : tensor<2xi32>, tensor<2x2x2x64x16x16xf32>, tensor<1x5x256x2x16xf32>, tensor<1x5x256x2x16xf32>, tensor<5x2xi32>
  }
  func.func private @target_layer_grouped(%x: tensor<256x64xf32>, %target_kv: tensor<2x2x2x64x16x16xf32>, %positions: tensor<256x1xi32>, %tables: tensor<2x16xi32>, %group_table: tensor<256xi32>, %rows: tensor<256xi32>, %layer: tensor<i32>, %input_layernorm.weight: tensor<64xf32>, %self_attn.q_proj.weight: tensor<64x64xf32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.o_proj.weight: tensor<64x64xf32>, %self_attn.q_norm.weight: tensor<16xf32>, %self_attn.k_norm.weight: tensor<16xf32>, %post_attention_layernorm.weight: tensor<64xf32>, %mlp.gate_proj.weight: tensor<128x64xf32>, %mlp.up_proj.weight: tensor<128x64xf32>, %mlp.down_proj.weight: tensor<64x128xf32>) -> (tensor<256x64xf32>, tensor<2x2x2x64x16x16xf32>) {
    %0 = stablehlo.reshape %positions : (tensor<256x1xi32>) -> tensor<256xi32>
    %1 = stablehlo.multiply %x, %x : tensor<256x64xf32>
    %2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %3 = stablehlo.reduce(%1 init: %2) applies stablehlo.add across dimensions = [1] : (tensor<256x64xf32>, tensor<f32>) -> tensor<256xf32>
    %4 = stablehlo.constant dense<6.400000e+01> : tensor<256xf32>
    %5 = stablehlo.divide %3, %4 : tensor<256xf32>
    %6 = stablehlo.constant dense<1.000000e-06> : tensor<256xf32>
    %7 = stablehlo.add %5, %6 : tensor<256xf32>
    %8 = stablehlo.rsqrt %7 : tensor<256xf32>
    %9 = stablehlo.broadcast_in_dim %8, dims = [0] : (tensor<256xf32>) -> tensor<256x64xf32>
    %10 = stablehlo.multiply %x, %9 : tensor<256x64xf32>
    %11 = stablehlo.broadcast_in_dim %input_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<256x64xf32>
    %12 = stablehlo.multiply %10, %11 : tensor<256x64xf32>
    %13 = stablehlo.dot_general %12, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<256x64xf32>, tensor<64x64xf32>) -> tensor<256x64xf32>
    %14 = stablehlo.reshape %13 : (tensor<256x64xf32>) -> tensor<256x4x16xf32>
    %15 = stablehlo.dot_general %12, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<256x64xf32>, tensor<32x64xf32>) -> tensor<256x32xf32>
    %16 = stablehlo.reshape %15 : (tensor<256x32xf32>) -> tensor<256x2x16xf32>
    %17 = stablehlo.dot_general %12, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<256x64xf32>, tensor<32x64xf32>) -> tensor<256x32xf32>
    %18 = stablehlo.reshape %17 : (tensor<256x32xf32>) -> tensor<256x2x16xf32>
    %19 = stablehlo.multiply %14, %14 : tensor<256x4x16xf32>
    %20 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %21 = stablehlo.reduce(%19 init: %20) applies stablehlo.add across dimensions = [2] : (tensor<256x4x16xf32>, tensor<f32>) -> tensor<256x4xf32>
    %22 = stablehlo.constant dense<1.600000e+01> : tensor<256x4xf32>
    %23 = stablehlo.divide %21, %22 : tensor<256x4xf32>
    %24 = stablehlo.constant dense<1.000000e-06> : tensor<256x4xf32>
    %25 = stablehlo.add %23, %24 : tensor<256x4xf32>
    %26 = stablehlo.rsqrt %25 : tensor<256x4xf32>
    %27 = stablehlo.broadcast_in_dim %26, dims = [0, 1] : (tensor<256x4xf32>) -> tensor<256x4x16xf32>
    %28 = stablehlo.multiply %14, %27 : tensor<256x4x16xf32>
    %29 = stablehlo.broadcast_in_dim %self_attn.q_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<256x4x16xf32>
    %30 = stablehlo.multiply %28, %29 : tensor<256x4x16xf32>
    %31 = stablehlo.multiply %16, %16 : tensor<256x2x16xf32>
    %32 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %33 = stablehlo.reduce(%31 init: %32) applies stablehlo.add across dimensions = [2] : (tensor<256x2x16xf32>, tensor<f32>) -> tensor<256x2xf32>
    %34 = stablehlo.constant dense<1.600000e+01> : tensor<256x2xf32>
    %35 = stablehlo.divide %33, %34 : tensor<256x2xf32>
    %36 = stablehlo.constant dense<1.000000e-06> : tensor<256x2xf32>
    %37 = stablehlo.add %35, %36 : tensor<256x2xf32>
    %38 = stablehlo.rsqrt %37 : tensor<256x2xf32>
    %39 = stablehlo.broadcast_in_dim %38, dims = [0, 1] : (tensor<256x2xf32>) -> tensor<256x2x16xf32>
    %40 = stablehlo.multiply %16, %39 : tensor<256x2x16xf32>
    %41 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<256x2x16xf32>
    %42 = stablehlo.multiply %40, %41 : tensor<256x2x16xf32>
    %43 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %44 = stablehlo.convert %0 : (tensor<256xi32>) -> tensor<256xf32>
    %45 = stablehlo.broadcast_in_dim %44, dims = [0] : (tensor<256xf32>) -> tensor<256x8xf32>
    %46 = stablehlo.broadcast_in_dim %43, dims = [1] : (tensor<8xf32>) -> tensor<256x8xf32>
    %47 = stablehlo.multiply %45, %46 : tensor<256x8xf32>
    %48 = stablehlo.cosine %47 : tensor<256x8xf32>
    %49 = stablehlo.concatenate %48, %48, dim = 1 : (tensor<256x8xf32>, tensor<256x8xf32>) -> tensor<256x16xf32>
    %50 = stablehlo.broadcast_in_dim %49, dims = [0, 2] : (tensor<256x16xf32>) -> tensor<256x4x16xf32>
    %51 = stablehlo.sine %47 : tensor<256x8xf32>
    %52 = stablehlo.concatenate %51, %51, dim = 1 : (tensor<256x8xf32>, tensor<256x8xf32>) -> tensor<256x16xf32>
    %53 = stablehlo.broadcast_in_dim %52, dims = [0, 2] : (tensor<256x16xf32>) -> tensor<256x4x16xf32>
    %54 = stablehlo.slice %30 [0:256, 0:4, 0:8] : (tensor<256x4x16xf32>) -> tensor<256x4x8xf32>
    %55 = stablehlo.slice %30 [0:256, 0:4, 8:16] : (tensor<256x4x16xf32>) -> tensor<256x4x8xf32>
    %56 = stablehlo.negate %55 : tensor<256x4x8xf32>
    %57 = stablehlo.concatenate %56, %54, dim = 2 : (tensor<256x4x8xf32>, tensor<256x4x8xf32>) -> tensor<256x4x16xf32>
    %58 = stablehlo.multiply %30, %50 : tensor<256x4x16xf32>
    %59 = stablehlo.multiply %57, %53 : tensor<256x4x16xf32>
    %60 = stablehlo.add %58, %59 : tensor<256x4x16xf32>
    %61 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %62 = stablehlo.convert %0 : (tensor<256xi32>) -> tensor<256xf32>
    %63 = stablehlo.broadcast_in_dim %62, dims = [0] : (tensor<256xf32>) -> tensor<256x8xf32>
    %64 = stablehlo.broadcast_in_dim %61, dims = [1] : (tensor<8xf32>) -> tensor<256x8xf32>
    %65 = stablehlo.multiply %63, %64 : tensor<256x8xf32>
    %66 = stablehlo.cosine %65 : tensor<256x8xf32>
    %67 = stablehlo.concatenate %66, %66, dim = 1 : (tensor<256x8xf32>, tensor<256x8xf32>) -> tensor<256x16xf32>
    %68 = stablehlo.broadcast_in_dim %67, dims = [0, 2] : (tensor<256x16xf32>) -> tensor<256x2x16xf32>
    %69 = stablehlo.sine %65 : tensor<256x8xf32>
    %70 = stablehlo.concatenate %69, %69, dim = 1 : (tensor<256x8xf32>, tensor<256x8xf32>) -> tensor<256x16xf32>
    %71 = stablehlo.broadcast_in_dim %70, dims = [0, 2] : (tensor<256x16xf32>) -> tensor<256x2x16xf32>
    %72 = stablehlo.slice %42 [0:256, 0:2, 0:8] : (tensor<256x2x16xf32>) -> tensor<256x2x8xf32>
    %73 = stablehlo.slice %42 [0:256, 0:2, 8:16] : (tensor<256x2x16xf32>) -> tensor<256x2x8xf32>
    %74 = stablehlo.negate %73 : tensor<256x2x8xf32>
    %75 = stablehlo.concatenate %74, %72, dim = 2 : (tensor<256x2x8xf32>, tensor<256x2x8xf32>) -> tensor<256x2x16xf32>
    %76 = stablehlo.multiply %42, %68 : tensor<256x2x16xf32>
    %77 = stablehlo.multiply %75, %71 : tensor<256x2x16xf32>
    %78 = stablehlo.add %76, %77 : tensor<256x2x16xf32>
    %79 = stablehlo.reshape %target_kv : (tensor<2x2x2x64x16x16xf32>) -> tensor<2x2x2x1024x16xf32>
    %80 = stablehlo.reshape %78 : (tensor<256x2x16xf32>) -> tensor<256x1x2x16xf32>
    %81 = stablehlo.reshape %18 : (tensor<256x2x16xf32>) -> tensor<256x1x2x16xf32>
    %82 = stablehlo.concatenate %80, %81, dim = 1 : (tensor<256x1x2x16xf32>, tensor<256x1x2x16xf32>) -> tensor<256x2x2x16xf32>
    %83 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<256x1xi32>
    %84 = stablehlo.reshape %rows : (tensor<256xi32>) -> tensor<256x1xi32>
    %85 = stablehlo.concatenate %83, %84, dim = 1 : (tensor<256x1xi32>, tensor<256x1xi32>) -> tensor<256x2xi32>
    %86 = "stablehlo.scatter"(%79, %85, %82) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 3], scatter_dims_to_operand_dims = [0, 3], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg18: tensor<f32>, %arg19: tensor<f32>):
      stablehlo.return %arg19 : tensor<f32>
    }) : (tensor<2x2x2x1024x16xf32>, tensor<256x2xi32>, tensor<256x2x2x16xf32>) -> tensor<2x2x2x1024x16xf32>
    %87 = stablehlo.reshape %86 : (tensor<2x2x2x1024x16xf32>) -> tensor<2x2x2x64x16x16xf32>
    %88 = stablehlo.reshape %60 : (tensor<256x4x16xf32>) -> tensor<256x1x4x16xf32>
    %89 = stablehlo.reshape %group_table : (tensor<256xi32>) -> tensor<256x1xi32>
    %90 = "stablehlo.gather"(%tables, %89) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 16>}> : (tensor<2x16xi32>, tensor<256x1xi32>) -> tensor<256x16xi32>
    %91 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<256x16x1xi32>
    %92 = stablehlo.constant dense<0> : tensor<256x16x1xi32>
    %93 = stablehlo.reshape %90 : (tensor<256x16xi32>) -> tensor<256x16x1xi32>
    %94 = stablehlo.concatenate %91, %92, %93, dim = 2 : (tensor<256x16x1xi32>, tensor<256x16x1xi32>, tensor<256x16x1xi32>) -> tensor<256x16x3xi32>
    %95 = "stablehlo.gather"(%87, %94) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 2, 1, 16, 16>}> : (tensor<2x2x2x64x16x16xf32>, tensor<256x16x3xi32>) -> tensor<256x16x2x16x16xf32>
    %96 = stablehlo.transpose %95, dims = [0, 1, 3, 2, 4] : (tensor<256x16x2x16x16xf32>) -> tensor<256x16x16x2x16xf32>
    %97 = stablehlo.reshape %96 : (tensor<256x16x16x2x16xf32>) -> tensor<256x256x2x16xf32>
    %98 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<256x16x1xi32>
    %99 = stablehlo.constant dense<1> : tensor<256x16x1xi32>
    %100 = stablehlo.reshape %90 : (tensor<256x16xi32>) -> tensor<256x16x1xi32>
    %101 = stablehlo.concatenate %98, %99, %100, dim = 2 : (tensor<256x16x1xi32>, tensor<256x16x1xi32>, tensor<256x16x1xi32>) -> tensor<256x16x3xi32>
    %102 = "stablehlo.gather"(%87, %101) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 2, 1, 16, 16>}> : (tensor<2x2x2x64x16x16xf32>, tensor<256x16x3xi32>) -> tensor<256x16x2x16x16xf32>
    %103 = stablehlo.transpose %102, dims = [0, 1, 3, 2, 4] : (tensor<256x16x2x16x16xf32>) -> tensor<256x16x16x2x16xf32>
    %104 = stablehlo.reshape %103 : (tensor<256x16x16x2x16xf32>) -> tensor<256x256x2x16xf32>
    %105 = stablehlo.iota dim = 2 : tensor<256x1x256xi32>
    %106 = stablehlo.broadcast_in_dim %positions, dims = [0, 1] : (tensor<256x1xi32>) -> tensor<256x1x256xi32>
    %107 = stablehlo.compare  LE, %105, %106,  SIGNED : (tensor<256x1x256xi32>, tensor<256x1x256xi32>) -> tensor<256x1x256xi1>
    %108 = stablehlo.reshape %88 : (tensor<256x1x4x16xf32>) -> tensor<256x1x2x2x16xf32>
    %109 = stablehlo.dot_general %108, %97, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<256x1x2x2x16xf32>, tensor<256x256x2x16xf32>) -> tensor<256x2x1x2x256xf32>
    %110 = stablehlo.constant dense<2.500000e-01> : tensor<256x2x1x2x256xf32>
    %111 = stablehlo.multiply %109, %110 : tensor<256x2x1x2x256xf32>
    %112 = stablehlo.broadcast_in_dim %107, dims = [0, 2, 4] : (tensor<256x1x256xi1>) -> tensor<256x2x1x2x256xi1>
    %113 = stablehlo.constant dense<0xFF800000> : tensor<256x2x1x2x256xf32>
    %114 = stablehlo.select %112, %111, %113 : tensor<256x2x1x2x256xi1>, tensor<256x2x1x2x256xf32>
    %115 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %116 = stablehlo.reduce(%114 init: %115) applies stablehlo.maximum across dimensions = [4] : (tensor<256x2x1x2x256xf32>, tensor<f32>) -> tensor<256x2x1x2xf32>
    %117 = stablehlo.broadcast_in_dim %116, dims = [0, 1, 2, 3] : (tensor<256x2x1x2xf32>) -> tensor<256x2x1x2x256xf32>
    %118 = stablehlo.subtract %114, %117 : tensor<256x2x1x2x256xf32>
    %119 = stablehlo.exponential %118 : tensor<256x2x1x2x256xf32>
    %120 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %121 = stablehlo.reduce(%119 init: %120) applies stablehlo.add across dimensions = [4] : (tensor<256x2x1x2x256xf32>, tensor<f32>) -> tensor<256x2x1x2xf32>
    %122 = stablehlo.broadcast_in_dim %121, dims = [0, 1, 2, 3] : (tensor<256x2x1x2xf32>) -> tensor<256x2x1x2x256xf32>
    %123 = stablehlo.divide %119, %122 : tensor<256x2x1x2x256xf32>
    %124 = stablehlo.dot_general %123, %104, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<256x2x1x2x256xf32>, tensor<256x256x2x16xf32>) -> tensor<256x2x1x2x16xf32>
    %125 = stablehlo.transpose %124, dims = [0, 2, 1, 3, 4] : (tensor<256x2x1x2x16xf32>) -> tensor<256x1x2x2x16xf32>
    %126 = stablehlo.reshape %125 : (tensor<256x1x2x2x16xf32>) -> tensor<256x1x4x16xf32>
    %127 = stablehlo.reshape %126 : (tensor<256x1x4x16xf32>) -> tensor<256x64xf32>
    %128 = stablehlo.dot_general %127, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<256x64xf32>, tensor<64x64xf32>) -> tensor<256x64xf32>
    %129 = stablehlo.add %x, %128 : tensor<256x64xf32>
    %130 = stablehlo.multiply %129, %129 : tensor<256x64xf32>
    %131 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %132 = stablehlo.reduce(%130 init: %131) applies stablehlo.add across dimensions = [1] : (tensor<256x64xf32>, tensor<f32>) -> tensor<256xf32>
    %133 = stablehlo.constant dense<6.400000e+01> : tensor<256xf32>
    %134 = stablehlo.divide %132, %133 : tensor<256xf32>
    %135 = stablehlo.constant dense<1.000000e-06> : tensor<256xf32>
    %136 = stablehlo.add %134, %135 : tensor<256xf32>
    %137 = stablehlo.rsqrt %136 : tensor<256xf32>
    %138 = stablehlo.broadcast_in_dim %137, dims = [0] : (tensor<256xf32>) -> tensor<256x64xf32>
    %139 = stablehlo.multiply %129, %138 : tensor<256x64xf32>
    %140 = stablehlo.broadcast_in_dim %post_attention_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<256x64xf32>
    %141 = stablehlo.multiply %139, %140 : tensor<256x64xf32>
    %142 = stablehlo.dot_general %141, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<256x64xf32>, tensor<128x64xf32>) -> tensor<256x128xf32>
    %143 = stablehlo.dot_general %141, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<256x64xf32>, tensor<128x64xf32>) -> tensor<256x128xf32>
    %144 = stablehlo.logistic %142 : tensor<256x128xf32>
    %145 = stablehlo.multiply %142, %144 : tensor<256x128xf32>
    %146 = stablehlo.multiply %145, %143 : tensor<256x128xf32>
    %147 = stablehlo.dot_general %146, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<256x128xf32>, tensor<64x128xf32>) -> tensor<256x64xf32>
    %148 = stablehlo.add %129, %147 : tensor<256x64xf32>
    return %148, %87 : tensor<256x64xf32>, tensor<2x2x2x64x16x16xf32>
  }
  func.func private @draft_context(%ctx: tensor<256x64xf32>, %positions: tensor<256xi32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.k_norm.weight: tensor<16xf32>) -> (tensor<256x2x16xf32>, tensor<256x2x16xf32>) {
    %0 = stablehlo.dot_general %ctx, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<256x64xf32>, tensor<32x64xf32>) -> tensor<256x32xf32>
    %1 = stablehlo.reshape %0 : (tensor<256x32xf32>) -> tensor<256x2x16xf32>
    %2 = stablehlo.dot_general %ctx, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<256x64xf32>, tensor<32x64xf32>) -> tensor<256x32xf32>
    %3 = stablehlo.reshape %2 : (tensor<256x32xf32>) -> tensor<256x2x16xf32>
    %4 = stablehlo.multiply %1, %1 : tensor<256x2x16xf32>
    %5 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %6 = stablehlo.reduce(%4 init: %5) applies stablehlo.add across dimensions = [2] : (tensor<256x2x16xf32>, tensor<f32>) -> tensor<256x2xf32>
    %7 = stablehlo.constant dense<1.600000e+01> : tensor<256x2xf32>
    %8 = stablehlo.divide %6, %7 : tensor<256x2xf32>
    %9 = stablehlo.constant dense<1.000000e-06> : tensor<256x2xf32>
    %10 = stablehlo.add %8, %9 : tensor<256x2xf32>
    %11 = stablehlo.rsqrt %10 : tensor<256x2xf32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [0, 1] : (tensor<256x2xf32>) -> tensor<256x2x16xf32>
    %13 = stablehlo.multiply %1, %12 : tensor<256x2x16xf32>
    %14 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<256x2x16xf32>
    %15 = stablehlo.multiply %13, %14 : tensor<256x2x16xf32>
    %16 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %17 = stablehlo.convert %positions : (tensor<256xi32>) -> tensor<256xf32>
    %18 = stablehlo.broadcast_in_dim %17, dims = [0] : (tensor<256xf32>) -> tensor<256x8xf32>
    %19 = stablehlo.broadcast_in_dim %16, dims = [1] : (tensor<8xf32>) -> tensor<256x8xf32>
    %20 = stablehlo.multiply %18, %19 : tensor<256x8xf32>
    %21 = stablehlo.cosine %20 : tensor<256x8xf32>
    %22 = stablehlo.concatenate %21, %21, dim = 1 : (tensor<256x8xf32>, tensor<256x8xf32>) -> tensor<256x16xf32>
    %23 = stablehlo.broadcast_in_dim %22, dims = [0, 2] : (tensor<256x16xf32>) -> tensor<256x2x16xf32>
    %24 = stablehlo.sine %20 : tensor<256x8xf32>
    %25 = stablehlo.concatenate %24, %24, dim = 1 : (tensor<256x8xf32>, tensor<256x8xf32>) -> tensor<256x16xf32>
    %26 = stablehlo.broadcast_in_dim %25, dims = [0, 2] : (tensor<256x16xf32>) -> tensor<256x2x16xf32>
    %27 = stablehlo.slice %15 [0:256, 0:2, 0:8] : (tensor<256x2x16xf32>) -> tensor<256x2x8xf32>
    %28 = stablehlo.slice %15 [0:256, 0:2, 8:16] : (tensor<256x2x16xf32>) -> tensor<256x2x8xf32>
    %29 = stablehlo.negate %28 : tensor<256x2x8xf32>
    %30 = stablehlo.concatenate %29, %27, dim = 2 : (tensor<256x2x8xf32>, tensor<256x2x8xf32>) -> tensor<256x2x16xf32>
    %31 = stablehlo.multiply %15, %23 : tensor<256x2x16xf32>
    %32 = stablehlo.multiply %30, %26 : tensor<256x2x16xf32>
    %33 = stablehlo.add %31, %32 : tensor<256x2x16xf32>
    return %33, %3 : tensor<256x2x16xf32>, tensor<256x2x16xf32>
  }
}
