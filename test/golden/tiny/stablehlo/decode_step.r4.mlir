module @decode_step_r4 {
  func.func public @main(%target.model.embed_tokens.weight: tensor<256x64xf32>, %target.model.layers.$.input_layernorm.weight: tensor<2x64xf32>, %target.model.layers.$.self_attn.q_proj.weight: tensor<2x64x64xf32>, %target.model.layers.$.self_attn.k_proj.weight: tensor<2x32x64xf32>, %target.model.layers.$.self_attn.v_proj.weight: tensor<2x32x64xf32>, %target.model.layers.$.self_attn.o_proj.weight: tensor<2x64x64xf32>, %target.model.layers.$.self_attn.q_norm.weight: tensor<2x16xf32>, %target.model.layers.$.self_attn.k_norm.weight: tensor<2x16xf32>, %target.model.layers.$.post_attention_layernorm.weight: tensor<2x64xf32>, %target.model.layers.$.mlp.gate_proj.weight: tensor<2x128x64xf32>, %target.model.layers.$.mlp.up_proj.weight: tensor<2x128x64xf32>, %target.model.layers.$.mlp.down_proj.weight: tensor<2x64x128xf32>, %target.model.norm.weight: tensor<64xf32>, %target.lm_head.weight: tensor<256x64xf32>, %draft.fc.weight: tensor<64x128xf32>, %draft.hidden_norm.weight: tensor<64xf32>, %draft.layers.0.input_layernorm.weight: tensor<64xf32>, %draft.layers.0.self_attn.q_proj.weight: tensor<64x64xf32>, %draft.layers.0.self_attn.k_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.v_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.o_proj.weight: tensor<64x64xf32>, %draft.layers.0.self_attn.q_norm.weight: tensor<16xf32>, %draft.layers.0.self_attn.k_norm.weight: tensor<16xf32>, %draft.layers.0.post_attention_layernorm.weight: tensor<64xf32>, %draft.layers.0.mlp.gate_proj.weight: tensor<128x64xf32>, %draft.layers.0.mlp.up_proj.weight: tensor<128x64xf32>, %draft.layers.0.mlp.down_proj.weight: tensor<64x128xf32>, %draft.norm.weight: tensor<64xf32>, %target_kv: tensor<2x2x2x64x16x16xf32> {jax.buffer_donor = true}, %draft_k: tensor<1x5x256x2x16xf32> {jax.buffer_donor = true}, %draft_v: tensor<1x5x256x2x16xf32> {jax.buffer_donor = true}, %seq_state: tensor<5x2xi32> {jax.buffer_donor = true}, %slots: tensor<4xi32>, %block_tables: tensor<4x16xi32>, %draft_slots: tensor<4xi32>) -> (tensor<4xi32>, tensor<4x4xi32>, tensor<4x3xi32>, tensor<2x2x2x64x16x16xf32>, tensor<1x5x256x2x16xf32>, tensor<1x5x256x2x16xf32>, tensor<5x2xi32>) {
    %0 = stablehlo.reshape %slots : (tensor<4xi32>) -> tensor<4x1xi32>
    %1 = "stablehlo.gather"(%seq_state, %0) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 2>}> : (tensor<5x2xi32>, tensor<4x1xi32>) -> tensor<4x2xi32>
    %2 = stablehlo.slice %1 [0:4, 1:2] : (tensor<4x2xi32>) -> tensor<4x1xi32>
    %3 = stablehlo.reshape %2 : (tensor<4x1xi32>) -> tensor<4xi32>
    %4 = stablehlo.slice %1 [0:4, 0:1] : (tensor<4x2xi32>) -> tensor<4x1xi32>
    %5 = stablehlo.reshape %4 : (tensor<4x1xi32>) -> tensor<4xi32>
    %6 = stablehlo.reshape %5 : (tensor<4xi32>) -> tensor<4x1xi32>
    %7 = stablehlo.constant dense<255> : tensor<4x3xi32>
    %8 = stablehlo.concatenate %6, %7, dim = 1 : (tensor<4x1xi32>, tensor<4x3xi32>) -> tensor<4x4xi32>
    %9 = stablehlo.broadcast_in_dim %3, dims = [0] : (tensor<4xi32>) -> tensor<4x4xi32>
    %10 = stablehlo.iota dim = 1 : tensor<4x4xi32>
    %11 = stablehlo.add %9, %10 : tensor<4x4xi32>
    %12 = stablehlo.reshape %11 : (tensor<4x4xi32>) -> tensor<16xi32>
    %13 = stablehlo.reshape %8 : (tensor<4x4xi32>) -> tensor<16xi32>
    %14 = stablehlo.reshape %13 : (tensor<16xi32>) -> tensor<16x1xi32>
    %15 = "stablehlo.gather"(%target.model.embed_tokens.weight, %14) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 64>}> : (tensor<256x64xf32>, tensor<16x1xi32>) -> tensor<16x64xf32>
    %16 = stablehlo.constant dense<0> : tensor<4x1xi32>
    %17 = stablehlo.reshape %draft_slots : (tensor<4xi32>) -> tensor<4x1xi32>
    %18 = stablehlo.concatenate %16, %17, dim = 1 : (tensor<4x1xi32>, tensor<4x1xi32>) -> tensor<4x2xi32>
    %19 = "stablehlo.gather"(%draft_k, %18) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 256, 2, 16>}> : (tensor<1x5x256x2x16xf32>, tensor<4x2xi32>) -> tensor<4x256x2x16xf32>
    %20 = stablehlo.constant dense<0> : tensor<4x1xi32>
    %21 = stablehlo.reshape %draft_slots : (tensor<4xi32>) -> tensor<4x1xi32>
    %22 = stablehlo.concatenate %20, %21, dim = 1 : (tensor<4x1xi32>, tensor<4x1xi32>) -> tensor<4x2xi32>
    %23 = "stablehlo.gather"(%draft_v, %22) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 256, 2, 16>}> : (tensor<1x5x256x2x16xf32>, tensor<4x2xi32>) -> tensor<4x256x2x16xf32>
    %24 = func.call @draft_layer(%15, %12, %3, %19, %23, %draft.layers.0.input_layernorm.weight, %draft.layers.0.self_attn.q_proj.weight, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.o_proj.weight, %draft.layers.0.self_attn.q_norm.weight, %draft.layers.0.self_attn.k_norm.weight, %draft.layers.0.post_attention_layernorm.weight, %draft.layers.0.mlp.gate_proj.weight, %draft.layers.0.mlp.up_proj.weight, %draft.layers.0.mlp.down_proj.weight) : (tensor<16x64xf32>, tensor<16xi32>, tensor<4xi32>, tensor<4x256x2x16xf32>, tensor<4x256x2x16xf32>, tensor<64xf32>, tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<64x64xf32>, tensor<16xf32>, tensor<16xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128x64xf32>, tensor<64x128xf32>) -> tensor<16x64xf32>
    %25 = stablehlo.reshape %24 : (tensor<16x64xf32>) -> tensor<4x4x64xf32>
    %26 = stablehlo.slice %25 [0:4, 1:4, 0:64] : (tensor<4x4x64xf32>) -> tensor<4x3x64xf32>
    %27 = stablehlo.reshape %26 : (tensor<4x3x64xf32>) -> tensor<12x64xf32>
    %28 = stablehlo.multiply %27, %27 : tensor<12x64xf32>
    %29 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %30 = stablehlo.reduce(%28 init: %29) applies stablehlo.add across dimensions = [1] : (tensor<12x64xf32>, tensor<f32>) -> tensor<12xf32>
    %31 = stablehlo.constant dense<6.400000e+01> : tensor<12xf32>
    %32 = stablehlo.divide %30, %31 : tensor<12xf32>
    %33 = stablehlo.constant dense<1.000000e-06> : tensor<12xf32>
    %34 = stablehlo.add %32, %33 : tensor<12xf32>
    %35 = stablehlo.rsqrt %34 : tensor<12xf32>
    %36 = stablehlo.broadcast_in_dim %35, dims = [0] : (tensor<12xf32>) -> tensor<12x64xf32>
    %37 = stablehlo.multiply %27, %36 : tensor<12x64xf32>
    %38 = stablehlo.broadcast_in_dim %draft.norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<12x64xf32>
    %39 = stablehlo.multiply %37, %38 : tensor<12x64xf32>
    %40 = stablehlo.dot_general %39, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<12x64xf32>, tensor<256x64xf32>) -> tensor<12x256xf32>
    %41 = stablehlo.iota dim = 1 : tensor<12x256xi32>
    %42 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %43 = stablehlo.constant dense<0> : tensor<i32>
    %44:2 = stablehlo.reduce(%40 init: %42), (%41 init: %43) across dimensions = [1] : (tensor<12x256xf32>, tensor<12x256xi32>, tensor<f32>, tensor<i32>) -> (tensor<12xf32>, tensor<12xi32>)
      reducer(%arg35: tensor<f32>, %arg37: tensor<f32>) (%arg36: tensor<i32>, %arg38: tensor<i32>) {
        %45 = stablehlo.compare  GT, %arg35, %arg37,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %46 = stablehlo.compare  EQ, %arg35, %arg37,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %47 = stablehlo.compare  LT, %arg36, %arg38,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %48 = stablehlo.and %46, %47 : tensor<i1>
        %49 = stablehlo.or %45, %48 : tensor<i1>
        %50 = stablehlo.select %49, %arg35, %arg37 : tensor<i1>, tensor<f32>
        %51 = stablehlo.select %49, %arg36, %arg38 : tensor<i1>, tensor<i32>
        stablehlo.return %50, %51 : tensor<f32>, tensor<i32>
      }
    %52 = stablehlo.reshape %44#1 : (tensor<12xi32>) -> tensor<4x3xi32>
    %53 = stablehlo.reshape %5 : (tensor<4xi32>) -> tensor<4x1xi32>
    %54 = stablehlo.concatenate %53, %52, dim = 1 : (tensor<4x1xi32>, tensor<4x3xi32>) -> tensor<4x4xi32>
    %55 = stablehlo.broadcast_in_dim %3, dims = [0] : (tensor<4xi32>) -> tensor<4x4xi32>
    %56 = stablehlo.iota dim = 1 : tensor<4x4xi32>
    %57 = stablehlo.add %55, %56 : tensor<4x4xi32>
    %58 = stablehlo.iota dim = 0 : tensor<4x4xi32>
    %59 = stablehlo.reshape %58 : (tensor<4x4xi32>) -> tensor<4x4x1xi32>
    %60 = stablehlo.constant dense<16> : tensor<4x4xi32>
    %61 = stablehlo.divide %57, %60 : tensor<4x4xi32>
    %62 = stablehlo.reshape %61 : (tensor<4x4xi32>) -> tensor<4x4x1xi32>
    %63 = stablehlo.concatenate %59, %62, dim = 2 : (tensor<4x4x1xi32>, tensor<4x4x1xi32>) -> tensor<4x4x2xi32>
    %64 = "stablehlo.gather"(%block_tables, %63) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<4x16xi32>, tensor<4x4x2xi32>) -> tensor<4x4xi32>
    %65 = stablehlo.constant dense<16> : tensor<4x4xi32>
    %66 = stablehlo.multiply %64, %65 : tensor<4x4xi32>
    %67 = stablehlo.constant dense<16> : tensor<4x4xi32>
    %68 = stablehlo.remainder %57, %67 : tensor<4x4xi32>
    %69 = stablehlo.add %66, %68 : tensor<4x4xi32>
    %70 = stablehlo.reshape %69 : (tensor<4x4xi32>) -> tensor<16xi32>
    %71 = stablehlo.reshape %54 : (tensor<4x4xi32>) -> tensor<16xi32>
    %72 = stablehlo.reshape %71 : (tensor<16xi32>) -> tensor<16x1xi32>
    %73 = "stablehlo.gather"(%target.model.embed_tokens.weight, %72) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 64>}> : (tensor<256x64xf32>, tensor<16x1xi32>) -> tensor<16x64xf32>
    %74 = stablehlo.constant dense<0.000000e+00> : tensor<3x16x64xf32>
    %75 = stablehlo.constant dense<[0, 1]> : tensor<2xi32>
    %76 = stablehlo.constant dense<0> : tensor<i32>
    %77:4 = stablehlo.while(%iterArg = %76, %iterArg_0 = %73, %iterArg_1 = %target_kv, %iterArg_2 = %74) : tensor<i32>, tensor<16x64xf32>, tensor<2x2x2x64x16x16xf32>, tensor<3x16x64xf32>
    cond {
      %78 = stablehlo.constant dense<2> : tensor<i32>
      %79 = stablehlo.compare  LT, %iterArg, %78,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
      stablehlo.return %79 : tensor<i1>
    } do {
      %80 = stablehlo.constant dense<0> : tensor<i32>
      %81 = stablehlo.dynamic_slice %target.model.layers.$.input_layernorm.weight, %iterArg, %80, sizes = [1, 64] : (tensor<2x64xf32>, tensor<i32>, tensor<i32>) -> tensor<1x64xf32>
      %82 = stablehlo.reshape %81 : (tensor<1x64xf32>) -> tensor<64xf32>
      %83 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.q_proj.weight, %iterArg, %80, %80, sizes = [1, 64, 64] : (tensor<2x64x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x64xf32>
      %84 = stablehlo.reshape %83 : (tensor<1x64x64xf32>) -> tensor<64x64xf32>
      %85 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.k_proj.weight, %iterArg, %80, %80, sizes = [1, 32, 64] : (tensor<2x32x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x32x64xf32>
      %86 = stablehlo.reshape %85 : (tensor<1x32x64xf32>) -> tensor<32x64xf32>
      %87 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.v_proj.weight, %iterArg, %80, %80, sizes = [1, 32, 64] : (tensor<2x32x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x32x64xf32>
      %88 = stablehlo.reshape %87 : (tensor<1x32x64xf32>) -> tensor<32x64xf32>
      %89 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.o_proj.weight, %iterArg, %80, %80, sizes = [1, 64, 64] : (tensor<2x64x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x64xf32>
      %90 = stablehlo.reshape %89 : (tensor<1x64x64xf32>) -> tensor<64x64xf32>
      %91 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.q_norm.weight, %iterArg, %80, sizes = [1, 16] : (tensor<2x16xf32>, tensor<i32>, tensor<i32>) -> tensor<1x16xf32>
      %92 = stablehlo.reshape %91 : (tensor<1x16xf32>) -> tensor<16xf32>
      %93 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.k_norm.weight, %iterArg, %80, sizes = [1, 16] : (tensor<2x16xf32>, tensor<i32>, tensor<i32>) -> tensor<1x16xf32>
      %94 = stablehlo.reshape %93 : (tensor<1x16xf32>) -> tensor<16xf32>
      %95 = stablehlo.dynamic_slice %target.model.layers.$.post_attention_layernorm.weight, %iterArg, %80, sizes = [1, 64] : (tensor<2x64xf32>, tensor<i32>, tensor<i32>) -> tensor<1x64xf32>
      %96 = stablehlo.reshape %95 : (tensor<1x64xf32>) -> tensor<64xf32>
      %97 = stablehlo.dynamic_slice %target.model.layers.$.mlp.gate_proj.weight, %iterArg, %80, %80, sizes = [1, 128, 64] : (tensor<2x128x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x128x64xf32>
      %98 = stablehlo.reshape %97 : (tensor<1x128x64xf32>) -> tensor<128x64xf32>
      %99 = stablehlo.dynamic_slice %target.model.layers.$.mlp.up_proj.weight, %iterArg, %80, %80, sizes = [1, 128, 64] : (tensor<2x128x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x128x64xf32>
      %100 = stablehlo.reshape %99 : (tensor<1x128x64xf32>) -> tensor<128x64xf32>
      %101 = stablehlo.dynamic_slice %target.model.layers.$.mlp.down_proj.weight, %iterArg, %80, %80, sizes = [1, 64, 128] : (tensor<2x64x128xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x128xf32>
      %102 = stablehlo.reshape %101 : (tensor<1x64x128xf32>) -> tensor<64x128xf32>
      %103:2 = func.call @target_layer(%iterArg_0, %iterArg_1, %57, %block_tables, %70, %iterArg, %82, %84, %86, %88, %90, %92, %94, %96, %98, %100, %102) : (tensor<16x64xf32>, tensor<2x2x2x64x16x16xf32>, tensor<4x4xi32>, tensor<4x16xi32>, tensor<16xi32>, tensor<i32>, tensor<64xf32>, tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<64x64xf32>, tensor<16xf32>, tensor<16xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128x64xf32>, tensor<64x128xf32>) -> (tensor<16x64xf32>, tensor<2x2x2x64x16x16xf32>)
      %104 = stablehlo.reshape %103#0 : (tensor<16x64xf32>) -> tensor<1x16x64xf32>
      %105 = stablehlo.dynamic_slice %75, %iterArg, sizes = [1] : (tensor<2xi32>, tensor<i32>) -> tensor<1xi32>
      %106 = stablehlo.reshape %105 : (tensor<1xi32>) -> tensor<i32>
      %107 = stablehlo.dynamic_update_slice %iterArg_2, %104, %106, %80, %80 : (tensor<3x16x64xf32>, tensor<1x16x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<3x16x64xf32>
      %108 = stablehlo.constant dense<1> : tensor<i32>
      %109 = stablehlo.add %iterArg, %108 : tensor<i32>
      stablehlo.return %109, %103#0, %103#1, %107 : tensor<i32>, tensor<16x64xf32>, tensor<2x2x2x64x16x16xf32>, tensor<3x16x64xf32>
    }
    %110 = stablehlo.slice %77#3 [0:1, 0:16, 0:64] : (tensor<3x16x64xf32>) -> tensor<1x16x64xf32>
    %111 = stablehlo.reshape %110 : (tensor<1x16x64xf32>) -> tensor<16x64xf32>
    %112 = stablehlo.slice %77#3 [1:2, 0:16, 0:64] : (tensor<3x16x64xf32>) -> tensor<1x16x64xf32>
    %113 = stablehlo.reshape %112 : (tensor<1x16x64xf32>) -> tensor<16x64xf32>
    %114 = stablehlo.multiply %77#1, %77#1 : tensor<16x64xf32>
    %115 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %116 = stablehlo.reduce(%114 init: %115) applies stablehlo.add across dimensions = [1] : (tensor<16x64xf32>, tensor<f32>) -> tensor<16xf32>
    %117 = stablehlo.constant dense<6.400000e+01> : tensor<16xf32>
    %118 = stablehlo.divide %116, %117 : tensor<16xf32>
    %119 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %120 = stablehlo.add %118, %119 : tensor<16xf32>
    %121 = stablehlo.rsqrt %120 : tensor<16xf32>
    %122 = stablehlo.broadcast_in_dim %121, dims = [0] : (tensor<16xf32>) -> tensor<16x64xf32>
    %123 = stablehlo.multiply %77#1, %122 : tensor<16x64xf32>
    %124 = stablehlo.broadcast_in_dim %target.model.norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<16x64xf32>
    %125 = stablehlo.multiply %123, %124 : tensor<16x64xf32>
    %126 = stablehlo.dot_general %125, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<256x64xf32>) -> tensor<16x256xf32>
    %127 = stablehlo.iota dim = 1 : tensor<16x256xi32>
    %128 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %129 = stablehlo.constant dense<0> : tensor<i32>
    %130:2 = stablehlo.reduce(%126 init: %128), (%127 init: %129) across dimensions = [1] : (tensor<16x256xf32>, tensor<16x256xi32>, tensor<f32>, tensor<i32>) -> (tensor<16xf32>, tensor<16xi32>)
      reducer(%arg39: tensor<f32>, %arg41: tensor<f32>) (%arg40: tensor<i32>, %arg42: tensor<i32>) {
        %131 = stablehlo.compare  GT, %arg39, %arg41,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %132 = stablehlo.compare  EQ, %arg39, %arg41,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %133 = stablehlo.compare  LT, %arg40, %arg42,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %134 = stablehlo.and %132, %133 : tensor<i1>
        %135 = stablehlo.or %131, %134 : tensor<i1>
        %136 = stablehlo.select %135, %arg39, %arg41 : tensor<i1>, tensor<f32>
        %137 = stablehlo.select %135, %arg40, %arg42 : tensor<i1>, tensor<i32>
        stablehlo.return %136, %137 : tensor<f32>, tensor<i32>
      }
    %138 = stablehlo.reshape %130#1 : (tensor<16xi32>) -> tensor<4x4xi32>
    %139 = stablehlo.slice %54 [0:4, 1:4] : (tensor<4x4xi32>) -> tensor<4x3xi32>
    %140 = stablehlo.slice %138 [0:4, 0:3] : (tensor<4x4xi32>) -> tensor<4x3xi32>
    %141 = stablehlo.compare  EQ, %139, %140,  SIGNED : (tensor<4x3xi32>, tensor<4x3xi32>) -> tensor<4x3xi1>
    %142 = stablehlo.iota dim = 1 : tensor<4x3xi32>
    %143 = stablehlo.constant dense<3> : tensor<4x3xi32>
    %144 = stablehlo.select %141, %143, %142 : tensor<4x3xi1>, tensor<4x3xi32>
    %145 = stablehlo.constant dense<3> : tensor<i32>
    %146 = stablehlo.reduce(%144 init: %145) applies stablehlo.minimum across dimensions = [1] : (tensor<4x3xi32>, tensor<i32>) -> tensor<4xi32>
    %147 = stablehlo.reshape %57 : (tensor<4x4xi32>) -> tensor<16xi32>
    %148 = stablehlo.concatenate %111, %113, dim = 1 : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x128xf32>
    %149 = stablehlo.dot_general %148, %draft.fc.weight, contracting_dims = [1] x [1] : (tensor<16x128xf32>, tensor<64x128xf32>) -> tensor<16x64xf32>
    %150 = stablehlo.multiply %149, %149 : tensor<16x64xf32>
    %151 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %152 = stablehlo.reduce(%150 init: %151) applies stablehlo.add across dimensions = [1] : (tensor<16x64xf32>, tensor<f32>) -> tensor<16xf32>
    %153 = stablehlo.constant dense<6.400000e+01> : tensor<16xf32>
    %154 = stablehlo.divide %152, %153 : tensor<16xf32>
    %155 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %156 = stablehlo.add %154, %155 : tensor<16xf32>
    %157 = stablehlo.rsqrt %156 : tensor<16xf32>
    %158 = stablehlo.broadcast_in_dim %157, dims = [0] : (tensor<16xf32>) -> tensor<16x64xf32>
    %159 = stablehlo.multiply %149, %158 : tensor<16x64xf32>
    %160 = stablehlo.broadcast_in_dim %draft.hidden_norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<16x64xf32>
    %161 = stablehlo.multiply %159, %160 : tensor<16x64xf32>
    %162:2 = func.call @draft_context(%161, %147, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.k_norm.weight) : (tensor<16x64xf32>, tensor<16xi32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<16xf32>) -> (tensor<16x2x16xf32>, tensor<16x2x16xf32>)
    %163 = stablehlo.reshape %162#0 : (tensor<16x2x16xf32>) -> tensor<4x4x2x16xf32>
    %164 = stablehlo.constant dense<0> : tensor<4x1xi32>
    %165 = stablehlo.constant dense<0> : tensor<4xi32>
    %166 = stablehlo.maximum %draft_slots, %165 : tensor<4xi32>
    %167 = stablehlo.constant dense<4> : tensor<4xi32>
    %168 = stablehlo.minimum %166, %167 : tensor<4xi32>
    %169 = stablehlo.reshape %168 : (tensor<4xi32>) -> tensor<4x1xi32>
    %170 = stablehlo.constant dense<0> : tensor<4xi32>
    %171 = stablehlo.maximum %3, %170 : tensor<4xi32>
    %172 = stablehlo.constant dense<252> : tensor<4xi32>
    %173 = stablehlo.minimum %171, %172 : tensor<4xi32>
    %174 = stablehlo.reshape %173 : (tensor<4xi32>) -> tensor<4x1xi32>
    %175 = stablehlo.concatenate %164, %169, %174, dim = 1 : (tensor<4x1xi32>, tensor<4x1xi32>, tensor<4x1xi32>) -> tensor<4x3xi32>
    %176 = "stablehlo.scatter"(%draft_k, %175, %163) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg43: tensor<f32>, %arg44: tensor<f32>):
      stablehlo.return %arg44 : tensor<f32>
    }) : (tensor<1x5x256x2x16xf32>, tensor<4x3xi32>, tensor<4x4x2x16xf32>) -> tensor<1x5x256x2x16xf32>
    %177 = stablehlo.reshape %162#1 : (tensor<16x2x16xf32>) -> tensor<4x4x2x16xf32>
    %178 = stablehlo.constant dense<0> : tensor<4x1xi32>
    %179 = stablehlo.constant dense<0> : tensor<4xi32>
    %180 = stablehlo.maximum %draft_slots, %179 : tensor<4xi32>
    %181 = stablehlo.constant dense<4> : tensor<4xi32>
    %182 = stablehlo.minimum %180, %181 : tensor<4xi32>
    %183 = stablehlo.reshape %182 : (tensor<4xi32>) -> tensor<4x1xi32>
    %184 = stablehlo.constant dense<0> : tensor<4xi32>
    %185 = stablehlo.maximum %3, %184 : tensor<4xi32>
    %186 = stablehlo.constant dense<252> : tensor<4xi32>
    %187 = stablehlo.minimum %185, %186 : tensor<4xi32>
    %188 = stablehlo.reshape %187 : (tensor<4xi32>) -> tensor<4x1xi32>
    %189 = stablehlo.concatenate %178, %183, %188, dim = 1 : (tensor<4x1xi32>, tensor<4x1xi32>, tensor<4x1xi32>) -> tensor<4x3xi32>
    %190 = "stablehlo.scatter"(%draft_v, %189, %177) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg45: tensor<f32>, %arg46: tensor<f32>):
      stablehlo.return %arg46 : tensor<f32>
    }) : (tensor<1x5x256x2x16xf32>, tensor<4x3xi32>, tensor<4x4x2x16xf32>) -> tensor<1x5x256x2x16xf32>
    %191 = stablehlo.constant dense<0> : tensor<4xi32>
    %192 = stablehlo.maximum %146, %191 : tensor<4xi32>
    %193 = stablehlo.constant dense<3> : tensor<4xi32>
    %194 = stablehlo.minimum %192, %193 : tensor<4xi32>
    %195 = stablehlo.slice %1 [0:4, 1:2] : (tensor<4x2xi32>) -> tensor<4x1xi32>
    %196 = stablehlo.reshape %195 : (tensor<4x1xi32>) -> tensor<4xi32>
    %197 = stablehlo.iota dim = 0 : tensor<4xi32>
    %198 = stablehlo.reshape %197 : (tensor<4xi32>) -> tensor<4x1xi32>
    %199 = stablehlo.reshape %194 : (tensor<4xi32>) -> tensor<4x1xi32>
    %200 = stablehlo.concatenate %198, %199, dim = 1 : (tensor<4x1xi32>, tensor<4x1xi32>) -> tensor<4x2xi32>
    %201 = "stablehlo.gather"(%138, %200) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<4x4xi32>, tensor<4x2xi32>) -> tensor<4xi32>
    %202 = stablehlo.constant dense<1> : tensor<4xi32>
    %203 = stablehlo.add %196, %202 : tensor<4xi32>
    %204 = stablehlo.add %203, %194 : tensor<4xi32>
    %205 = stablehlo.reshape %201 : (tensor<4xi32>) -> tensor<4x1xi32>
    %206 = stablehlo.reshape %204 : (tensor<4xi32>) -> tensor<4x1xi32>
    %207 = stablehlo.concatenate %205, %206, dim = 1 : (tensor<4x1xi32>, tensor<4x1xi32>) -> tensor<4x2xi32>
    %208 = stablehlo.reshape %slots : (tensor<4xi32>) -> tensor<4x1xi32>
    %209 = "stablehlo.scatter"(%seq_state, %208, %207) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg47: tensor<i32>, %arg48: tensor<i32>):
      stablehlo.return %arg48 : tensor<i32>
    }) : (tensor<5x2xi32>, tensor<4x1xi32>, tensor<4x2xi32>) -> tensor<5x2xi32>
    return %146, %138, %52, %77#2, %176, %190, %209 : tensor<4xi32>, tensor<4x4xi32>, tensor<4x3xi32>, tensor<2x2x2x64x16x16xf32>, tensor<1x5x256x2x16xf32>, tensor<1x5x256x2x16xf32>, tensor<5x2xi32>
  }
  func.func private @draft_layer(%x: tensor<16x64xf32>, %positions: tensor<16xi32>, %seq_lens: tensor<4xi32>, %k_ctx: tensor<4x256x2x16xf32>, %v_ctx: tensor<4x256x2x16xf32>, %input_layernorm.weight: tensor<64xf32>, %self_attn.q_proj.weight: tensor<64x64xf32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.o_proj.weight: tensor<64x64xf32>, %self_attn.q_norm.weight: tensor<16xf32>, %self_attn.k_norm.weight: tensor<16xf32>, %post_attention_layernorm.weight: tensor<64xf32>, %mlp.gate_proj.weight: tensor<128x64xf32>, %mlp.up_proj.weight: tensor<128x64xf32>, %mlp.down_proj.weight: tensor<64x128xf32>) -> tensor<16x64xf32> {
    %0 = stablehlo.multiply %x, %x : tensor<16x64xf32>
    %1 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %2 = stablehlo.reduce(%0 init: %1) applies stablehlo.add across dimensions = [1] : (tensor<16x64xf32>, tensor<f32>) -> tensor<16xf32>
    %3 = stablehlo.constant dense<6.400000e+01> : tensor<16xf32>
    %4 = stablehlo.divide %2, %3 : tensor<16xf32>
    %5 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %6 = stablehlo.add %4, %5 : tensor<16xf32>
    %7 = stablehlo.rsqrt %6 : tensor<16xf32>
    %8 = stablehlo.broadcast_in_dim %7, dims = [0] : (tensor<16xf32>) -> tensor<16x64xf32>
    %9 = stablehlo.multiply %x, %8 : tensor<16x64xf32>
    %10 = stablehlo.broadcast_in_dim %input_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<16x64xf32>
    %11 = stablehlo.multiply %9, %10 : tensor<16x64xf32>
    %12 = stablehlo.dot_general %11, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<64x64xf32>) -> tensor<16x64xf32>
    %13 = stablehlo.reshape %12 : (tensor<16x64xf32>) -> tensor<16x4x16xf32>
    %14 = stablehlo.dot_general %11, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<32x64xf32>) -> tensor<16x32xf32>
    %15 = stablehlo.reshape %14 : (tensor<16x32xf32>) -> tensor<16x2x16xf32>
    %16 = stablehlo.dot_general %11, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<32x64xf32>) -> tensor<16x32xf32>
    %17 = stablehlo.reshape %16 : (tensor<16x32xf32>) -> tensor<16x2x16xf32>
    %18 = stablehlo.multiply %13, %13 : tensor<16x4x16xf32>
    %19 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %20 = stablehlo.reduce(%18 init: %19) applies stablehlo.add across dimensions = [2] : (tensor<16x4x16xf32>, tensor<f32>) -> tensor<16x4xf32>
    %21 = stablehlo.constant dense<1.600000e+01> : tensor<16x4xf32>
    %22 = stablehlo.divide %20, %21 : tensor<16x4xf32>
    %23 = stablehlo.constant dense<1.000000e-06> : tensor<16x4xf32>
    %24 = stablehlo.add %22, %23 : tensor<16x4xf32>
    %25 = stablehlo.rsqrt %24 : tensor<16x4xf32>
    %26 = stablehlo.broadcast_in_dim %25, dims = [0, 1] : (tensor<16x4xf32>) -> tensor<16x4x16xf32>
    %27 = stablehlo.multiply %13, %26 : tensor<16x4x16xf32>
    %28 = stablehlo.broadcast_in_dim %self_attn.q_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<16x4x16xf32>
    %29 = stablehlo.multiply %27, %28 : tensor<16x4x16xf32>
    %30 = stablehlo.multiply %15, %15 : tensor<16x2x16xf32>
    %31 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %32 = stablehlo.reduce(%30 init: %31) applies stablehlo.add across dimensions = [2] : (tensor<16x2x16xf32>, tensor<f32>) -> tensor<16x2xf32>
    %33 = stablehlo.constant dense<1.600000e+01> : tensor<16x2xf32>
    %34 = stablehlo.divide %32, %33 : tensor<16x2xf32>
    %35 = stablehlo.constant dense<1.000000e-06> : tensor<16x2xf32>
    %36 = stablehlo.add %34, %35 : tensor<16x2xf32>
    %37 = stablehlo.rsqrt %36 : tensor<16x2xf32>
    %38 = stablehlo.broadcast_in_dim %37, dims = [0, 1] : (tensor<16x2xf32>) -> tensor<16x2x16xf32>
    %39 = stablehlo.multiply %15, %38 : tensor<16x2x16xf32>
    %40 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<16x2x16xf32>
    %41 = stablehlo.multiply %39, %40 : tensor<16x2x16xf32>
    %42 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %43 = stablehlo.convert %positions : (tensor<16xi32>) -> tensor<16xf32>
    %44 = stablehlo.broadcast_in_dim %43, dims = [0] : (tensor<16xf32>) -> tensor<16x8xf32>
    %45 = stablehlo.broadcast_in_dim %42, dims = [1] : (tensor<8xf32>) -> tensor<16x8xf32>
    %46 = stablehlo.multiply %44, %45 : tensor<16x8xf32>
    %47 = stablehlo.cosine %46 : tensor<16x8xf32>
    %48 = stablehlo.concatenate %47, %47, dim = 1 : (tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x16xf32>
    %49 = stablehlo.broadcast_in_dim %48, dims = [0, 2] : (tensor<16x16xf32>) -> tensor<16x4x16xf32>
    %50 = stablehlo.sine %46 : tensor<16x8xf32>
    %51 = stablehlo.concatenate %50, %50, dim = 1 : (tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x16xf32>
    %52 = stablehlo.broadcast_in_dim %51, dims = [0, 2] : (tensor<16x16xf32>) -> tensor<16x4x16xf32>
    %53 = stablehlo.slice %29 [0:16, 0:4, 0:8] : (tensor<16x4x16xf32>) -> tensor<16x4x8xf32>
    %54 = stablehlo.slice %29 [0:16, 0:4, 8:16] : (tensor<16x4x16xf32>) -> tensor<16x4x8xf32>
    %55 = stablehlo.negate %54 : tensor<16x4x8xf32>
    %56 = stablehlo.concatenate %55, %53, dim = 2 : (tensor<16x4x8xf32>, tensor<16x4x8xf32>) -> tensor<16x4x16xf32>
    %57 = stablehlo.multiply %29, %49 : tensor<16x4x16xf32>
    %58 = stablehlo.multiply %56, %52 : tensor<16x4x16xf32>
    %59 = stablehlo.add %57, %58 : tensor<16x4x16xf32>
    %60 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %61 = stablehlo.convert %positions : (tensor<16xi32>) -> tensor<16xf32>
    %62 = stablehlo.broadcast_in_dim %61, dims = [0] : (tensor<16xf32>) -> tensor<16x8xf32>
    %63 = stablehlo.broadcast_in_dim %60, dims = [1] : (tensor<8xf32>) -> tensor<16x8xf32>
    %64 = stablehlo.multiply %62, %63 : tensor<16x8xf32>
    %65 = stablehlo.cosine %64 : tensor<16x8xf32>
    %66 = stablehlo.concatenate %65, %65, dim = 1 : (tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x16xf32>
    %67 = stablehlo.broadcast_in_dim %66, dims = [0, 2] : (tensor<16x16xf32>) -> tensor<16x2x16xf32>
    %68 = stablehlo.sine %64 : tensor<16x8xf32>
    %69 = stablehlo.concatenate %68, %68, dim = 1 : (tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x16xf32>
    %70 = stablehlo.broadcast_in_dim %69, dims = [0, 2] : (tensor<16x16xf32>) -> tensor<16x2x16xf32>
    %71 = stablehlo.slice %41 [0:16, 0:2, 0:8] : (tensor<16x2x16xf32>) -> tensor<16x2x8xf32>
    %72 = stablehlo.slice %41 [0:16, 0:2, 8:16] : (tensor<16x2x16xf32>) -> tensor<16x2x8xf32>
    %73 = stablehlo.negate %72 : tensor<16x2x8xf32>
    %74 = stablehlo.concatenate %73, %71, dim = 2 : (tensor<16x2x8xf32>, tensor<16x2x8xf32>) -> tensor<16x2x16xf32>
    %75 = stablehlo.multiply %41, %67 : tensor<16x2x16xf32>
    %76 = stablehlo.multiply %74, %70 : tensor<16x2x16xf32>
    %77 = stablehlo.add %75, %76 : tensor<16x2x16xf32>
    %78 = stablehlo.reshape %59 : (tensor<16x4x16xf32>) -> tensor<4x4x4x16xf32>
    %79 = stablehlo.reshape %77 : (tensor<16x2x16xf32>) -> tensor<4x4x2x16xf32>
    %80 = stablehlo.reshape %17 : (tensor<16x2x16xf32>) -> tensor<4x4x2x16xf32>
    %81 = stablehlo.iota dim = 2 : tensor<4x4x260xi32>
    %82 = stablehlo.broadcast_in_dim %seq_lens, dims = [0] : (tensor<4xi32>) -> tensor<4x4x260xi32>
    %83 = stablehlo.compare  LT, %81, %82,  SIGNED : (tensor<4x4x260xi32>, tensor<4x4x260xi32>) -> tensor<4x4x260xi1>
    %84 = stablehlo.constant dense<256> : tensor<4x4x260xi32>
    %85 = stablehlo.compare  GE, %81, %84,  SIGNED : (tensor<4x4x260xi32>, tensor<4x4x260xi32>) -> tensor<4x4x260xi1>
    %86 = stablehlo.or %85, %83 : tensor<4x4x260xi1>
    %87 = stablehlo.concatenate %k_ctx, %79, dim = 1 : (tensor<4x256x2x16xf32>, tensor<4x4x2x16xf32>) -> tensor<4x260x2x16xf32>
    %88 = stablehlo.concatenate %v_ctx, %80, dim = 1 : (tensor<4x256x2x16xf32>, tensor<4x4x2x16xf32>) -> tensor<4x260x2x16xf32>
    %89 = stablehlo.reshape %78 : (tensor<4x4x4x16xf32>) -> tensor<4x4x2x2x16xf32>
    %90 = stablehlo.dot_general %89, %87, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<4x4x2x2x16xf32>, tensor<4x260x2x16xf32>) -> tensor<4x2x4x2x260xf32>
    %91 = stablehlo.constant dense<2.500000e-01> : tensor<4x2x4x2x260xf32>
    %92 = stablehlo.multiply %90, %91 : tensor<4x2x4x2x260xf32>
    %93 = stablehlo.broadcast_in_dim %86, dims = [0, 2, 4] : (tensor<4x4x260xi1>) -> tensor<4x2x4x2x260xi1>
    %94 = stablehlo.constant dense<0xFF800000> : tensor<4x2x4x2x260xf32>
    %95 = stablehlo.select %93, %92, %94 : tensor<4x2x4x2x260xi1>, tensor<4x2x4x2x260xf32>
    %96 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %97 = stablehlo.reduce(%95 init: %96) applies stablehlo.maximum across dimensions = [4] : (tensor<4x2x4x2x260xf32>, tensor<f32>) -> tensor<4x2x4x2xf32>
    %98 = stablehlo.broadcast_in_dim %97, dims = [0, 1, 2, 3] : (tensor<4x2x4x2xf32>) -> tensor<4x2x4x2x260xf32>
    %99 = stablehlo.subtract %95, %98 : tensor<4x2x4x2x260xf32>
    %100 = stablehlo.exponential %99 : tensor<4x2x4x2x260xf32>
    %101 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %102 = stablehlo.reduce(%100 init: %101) applies stablehlo.add across dimensions = [4] : (tensor<4x2x4x2x260xf32>, tensor<f32>) -> tensor<4x2x4x2xf32>
    %103 = stablehlo.broadcast_in_dim %102, dims = [0, 1, 2, 3] : (tensor<4x2x4x2xf32>) -> tensor<4x2x4x2x260xf32>
    %104 = stablehlo.divide %100, %103 : tensor<4x2x4x2x260xf32>
    %105 = stablehlo.dot_general %104, %88, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<4x2x4x2x260xf32>, tensor<4x260x2x16xf32>) -> tensor<4x2x4x2x16xf32>
    %106 = stablehlo.transpose %105, dims = [0, 2, 1, 3, 4] : (tensor<4x2x4x2x16xf32>) -> tensor<4x4x2x2x16xf32>
    %107 = stablehlo.reshape %106 : (tensor<4x4x2x2x16xf32>) -> tensor<4x4x4x16xf32>
    %108 = stablehlo.reshape %107 : (tensor<4x4x4x16xf32>) -> tensor<16x64xf32>
    %109 = stablehlo.dot_general %108, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<64x64xf32>) -> tensor<16x64xf32>
    %110 = stablehlo.add %x, %109 : tensor<16x64xf32>
    %111 = stablehlo.multiply %110, %110 : tensor<16x64xf32>
    %112 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %113 = stablehlo.reduce(%111 init: %112) applies stablehlo.add across dimensions = [1] : (tensor<16x64xf32>, tensor<f32>) -> tensor<16xf32>
    %114 = stablehlo.constant dense<6.400000e+01> : tensor<16xf32>
    %115 = stablehlo.divide %113, %114 : tensor<16xf32>
    %116 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %117 = stablehlo.add %115, %116 : tensor<16xf32>
    %118 = stablehlo.rsqrt %117 : tensor<16xf32>
    %119 = stablehlo.broadcast_in_dim %118, dims = [0] : (tensor<16xf32>) -> tensor<16x64xf32>
    %120 = stablehlo.multiply %110, %119 : tensor<16x64xf32>
    %121 = stablehlo.broadcast_in_dim %post_attention_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<16x64xf32>
    %122 = stablehlo.multiply %120, %121 : tensor<16x64xf32>
    %123 = stablehlo.dot_general %122, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<128x64xf32>) -> tensor<16x128xf32>
    %124 = stablehlo.dot_general %122, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<128x64xf32>) -> tensor<16x128xf32>
    %125 = stablehlo.logistic %123 : tensor<16x128xf32>
    %126 = stablehlo.multiply %123, %125 : tensor<16x128xf32>
    %127 = stablehlo.multiply %126, %124 : tensor<16x128xf32>
    %128 = stablehlo.dot_general %127, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<16x128xf32>, tensor<64x128xf32>) -> tensor<16x64xf32>
    %129 = stablehlo.add %110, %128 : tensor<16x64xf32>
    return %129 : tensor<16x64xf32>
  }
  func.func private @target_layer(%x: tensor<16x64xf32>, %target_kv: tensor<2x2x2x64x16x16xf32>, %positions: tensor<4x4xi32>, %tables: tensor<4x16xi32>, %rows: tensor<16xi32>, %layer: tensor<i32>, %input_layernorm.weight: tensor<64xf32>, %self_attn.q_proj.weight: tensor<64x64xf32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.o_proj.weight: tensor<64x64xf32>, %self_attn.q_norm.weight: tensor<16xf32>, %self_attn.k_norm.weight: tensor<16xf32>, %post_attention_layernorm.weight: tensor<64xf32>, %mlp.gate_proj.weight: tensor<128x64xf32>, %mlp.up_proj.weight: tensor<128x64xf32>, %mlp.down_proj.weight: tensor<64x128xf32>) -> (tensor<16x64xf32>, tensor<2x2x2x64x16x16xf32>) {
    %0 = stablehlo.reshape %positions : (tensor<4x4xi32>) -> tensor<16xi32>
    %1 = stablehlo.multiply %x, %x : tensor<16x64xf32>
    %2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %3 = stablehlo.reduce(%1 init: %2) applies stablehlo.add across dimensions = [1] : (tensor<16x64xf32>, tensor<f32>) -> tensor<16xf32>
    %4 = stablehlo.constant dense<6.400000e+01> : tensor<16xf32>
    %5 = stablehlo.divide %3, %4 : tensor<16xf32>
    %6 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %7 = stablehlo.add %5, %6 : tensor<16xf32>
    %8 = stablehlo.rsqrt %7 : tensor<16xf32>
    %9 = stablehlo.broadcast_in_dim %8, dims = [0] : (tensor<16xf32>) -> tensor<16x64xf32>
    %10 = stablehlo.multiply %x, %9 : tensor<16x64xf32>
    %11 = stablehlo.broadcast_in_dim %input_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<16x64xf32>
    %12 = stablehlo.multiply %10, %11 : tensor<16x64xf32>
    %13 = stablehlo.dot_general %12, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<64x64xf32>) -> tensor<16x64xf32>
    %14 = stablehlo.reshape %13 : (tensor<16x64xf32>) -> tensor<16x4x16xf32>
    %15 = stablehlo.dot_general %12, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<32x64xf32>) -> tensor<16x32xf32>
    %16 = stablehlo.reshape %15 : (tensor<16x32xf32>) -> tensor<16x2x16xf32>
    %17 = stablehlo.dot_general %12, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<32x64xf32>) -> tensor<16x32xf32>
    %18 = stablehlo.reshape %17 : (tensor<16x32xf32>) -> tensor<16x2x16xf32>
    %19 = stablehlo.multiply %14, %14 : tensor<16x4x16xf32>
    %20 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %21 = stablehlo.reduce(%19 init: %20) applies stablehlo.add across dimensions = [2] : (tensor<16x4x16xf32>, tensor<f32>) -> tensor<16x4xf32>
    %22 = stablehlo.constant dense<1.600000e+01> : tensor<16x4xf32>
    %23 = stablehlo.divide %21, %22 : tensor<16x4xf32>
    %24 = stablehlo.constant dense<1.000000e-06> : tensor<16x4xf32>
    %25 = stablehlo.add %23, %24 : tensor<16x4xf32>
    %26 = stablehlo.rsqrt %25 : tensor<16x4xf32>
    %27 = stablehlo.broadcast_in_dim %26, dims = [0, 1] : (tensor<16x4xf32>) -> tensor<16x4x16xf32>
    %28 = stablehlo.multiply %14, %27 : tensor<16x4x16xf32>
    %29 = stablehlo.broadcast_in_dim %self_attn.q_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<16x4x16xf32>
    %30 = stablehlo.multiply %28, %29 : tensor<16x4x16xf32>
    %31 = stablehlo.multiply %16, %16 : tensor<16x2x16xf32>
    %32 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %33 = stablehlo.reduce(%31 init: %32) applies stablehlo.add across dimensions = [2] : (tensor<16x2x16xf32>, tensor<f32>) -> tensor<16x2xf32>
    %34 = stablehlo.constant dense<1.600000e+01> : tensor<16x2xf32>
    %35 = stablehlo.divide %33, %34 : tensor<16x2xf32>
    %36 = stablehlo.constant dense<1.000000e-06> : tensor<16x2xf32>
    %37 = stablehlo.add %35, %36 : tensor<16x2xf32>
    %38 = stablehlo.rsqrt %37 : tensor<16x2xf32>
    %39 = stablehlo.broadcast_in_dim %38, dims = [0, 1] : (tensor<16x2xf32>) -> tensor<16x2x16xf32>
    %40 = stablehlo.multiply %16, %39 : tensor<16x2x16xf32>
    %41 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<16x2x16xf32>
    %42 = stablehlo.multiply %40, %41 : tensor<16x2x16xf32>
    %43 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %44 = stablehlo.convert %0 : (tensor<16xi32>) -> tensor<16xf32>
    %45 = stablehlo.broadcast_in_dim %44, dims = [0] : (tensor<16xf32>) -> tensor<16x8xf32>
    %46 = stablehlo.broadcast_in_dim %43, dims = [1] : (tensor<8xf32>) -> tensor<16x8xf32>
    %47 = stablehlo.multiply %45, %46 : tensor<16x8xf32>
    %48 = stablehlo.cosine %47 : tensor<16x8xf32>
    %49 = stablehlo.concatenate %48, %48, dim = 1 : (tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x16xf32>
    %50 = stablehlo.broadcast_in_dim %49, dims = [0, 2] : (tensor<16x16xf32>) -> tensor<16x4x16xf32>
    %51 = stablehlo.sine %47 : tensor<16x8xf32>
    %52 = stablehlo.concatenate %51, %51, dim = 1 : (tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x16xf32>
    %53 = stablehlo.broadcast_in_dim %52, dims = [0, 2] : (tensor<16x16xf32>) -> tensor<16x4x16xf32>
    %54 = stablehlo.slice %30 [0:16, 0:4, 0:8] : (tensor<16x4x16xf32>) -> tensor<16x4x8xf32>
    %55 = stablehlo.slice %30 [0:16, 0:4, 8:16] : (tensor<16x4x16xf32>) -> tensor<16x4x8xf32>
    %56 = stablehlo.negate %55 : tensor<16x4x8xf32>
    %57 = stablehlo.concatenate %56, %54, dim = 2 : (tensor<16x4x8xf32>, tensor<16x4x8xf32>) -> tensor<16x4x16xf32>
    %58 = stablehlo.multiply %30, %50 : tensor<16x4x16xf32>
    %59 = stablehlo.multiply %57, %53 : tensor<16x4x16xf32>
    %60 = stablehlo.add %58, %59 : tensor<16x4x16xf32>
    %61 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %62 = stablehlo.convert %0 : (tensor<16xi32>) -> tensor<16xf32>
    %63 = stablehlo.broadcast_in_dim %62, dims = [0] : (tensor<16xf32>) -> tensor<16x8xf32>
    %64 = stablehlo.broadcast_in_dim %61, dims = [1] : (tensor<8xf32>) -> tensor<16x8xf32>
    %65 = stablehlo.multiply %63, %64 : tensor<16x8xf32>
    %66 = stablehlo.cosine %65 : tensor<16x8xf32>
    %67 = stablehlo.concatenate %66, %66, dim = 1 : (tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x16xf32>
    %68 = stablehlo.broadcast_in_dim %67, dims = [0, 2] : (tensor<16x16xf32>) -> tensor<16x2x16xf32>
    %69 = stablehlo.sine %65 : tensor<16x8xf32>
    %70 = stablehlo.concatenate %69, %69, dim = 1 : (tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x16xf32>
    %71 = stablehlo.broadcast_in_dim %70, dims = [0, 2] : (tensor<16x16xf32>) -> tensor<16x2x16xf32>
    %72 = stablehlo.slice %42 [0:16, 0:2, 0:8] : (tensor<16x2x16xf32>) -> tensor<16x2x8xf32>
    %73 = stablehlo.slice %42 [0:16, 0:2, 8:16] : (tensor<16x2x16xf32>) -> tensor<16x2x8xf32>
    %74 = stablehlo.negate %73 : tensor<16x2x8xf32>
    %75 = stablehlo.concatenate %74, %72, dim = 2 : (tensor<16x2x8xf32>, tensor<16x2x8xf32>) -> tensor<16x2x16xf32>
    %76 = stablehlo.multiply %42, %68 : tensor<16x2x16xf32>
    %77 = stablehlo.multiply %75, %71 : tensor<16x2x16xf32>
    %78 = stablehlo.add %76, %77 : tensor<16x2x16xf32>
    %79 = stablehlo.reshape %target_kv : (tensor<2x2x2x64x16x16xf32>) -> tensor<2x2x2x1024x16xf32>
    %80 = stablehlo.reshape %78 : (tensor<16x2x16xf32>) -> tensor<16x1x2x16xf32>
    %81 = stablehlo.reshape %18 : (tensor<16x2x16xf32>) -> tensor<16x1x2x16xf32>
    %82 = stablehlo.concatenate %80, %81, dim = 1 : (tensor<16x1x2x16xf32>, tensor<16x1x2x16xf32>) -> tensor<16x2x2x16xf32>
    %83 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<16x1xi32>
    %84 = stablehlo.reshape %rows : (tensor<16xi32>) -> tensor<16x1xi32>
    %85 = stablehlo.concatenate %83, %84, dim = 1 : (tensor<16x1xi32>, tensor<16x1xi32>) -> tensor<16x2xi32>
    %86 = "stablehlo.scatter"(%79, %85, %82) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 3], scatter_dims_to_operand_dims = [0, 3], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg17: tensor<f32>, %arg18: tensor<f32>):
      stablehlo.return %arg18 : tensor<f32>
    }) : (tensor<2x2x2x1024x16xf32>, tensor<16x2xi32>, tensor<16x2x2x16xf32>) -> tensor<2x2x2x1024x16xf32>
    %87 = stablehlo.reshape %86 : (tensor<2x2x2x1024x16xf32>) -> tensor<2x2x2x64x16x16xf32>
    %88 = stablehlo.reshape %60 : (tensor<16x4x16xf32>) -> tensor<4x4x4x16xf32>
    %89 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<4x16x1xi32>
    %90 = stablehlo.constant dense<0> : tensor<4x16x1xi32>
    %91 = stablehlo.reshape %tables : (tensor<4x16xi32>) -> tensor<4x16x1xi32>
    %92 = stablehlo.concatenate %89, %90, %91, dim = 2 : (tensor<4x16x1xi32>, tensor<4x16x1xi32>, tensor<4x16x1xi32>) -> tensor<4x16x3xi32>
    %93 = "stablehlo.gather"(%87, %92) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 2, 1, 16, 16>}> : (tensor<2x2x2x64x16x16xf32>, tensor<4x16x3xi32>) -> tensor<4x16x2x16x16xf32>
    %94 = stablehlo.transpose %93, dims = [0, 1, 3, 2, 4] : (tensor<4x16x2x16x16xf32>) -> tensor<4x16x16x2x16xf32>
    %95 = stablehlo.reshape %94 : (tensor<4x16x16x2x16xf32>) -> tensor<4x256x2x16xf32>
    %96 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<4x16x1xi32>
    %97 = stablehlo.constant dense<1> : tensor<4x16x1xi32>
    %98 = stablehlo.reshape %tables : (tensor<4x16xi32>) -> tensor<4x16x1xi32>
    %99 = stablehlo.concatenate %96, %97, %98, dim = 2 : (tensor<4x16x1xi32>, tensor<4x16x1xi32>, tensor<4x16x1xi32>) -> tensor<4x16x3xi32>
    %100 = "stablehlo.gather"(%87, %99) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 2, 1, 16, 16>}> : (tensor<2x2x2x64x16x16xf32>, tensor<4x16x3xi32>) -> tensor<4x16x2x16x16xf32>
    %101 = stablehlo.transpose %100, dims = [0, 1, 3, 2, 4] : (tensor<4x16x2x16x16xf32>) -> tensor<4x16x16x2x16xf32>
    %102 = stablehlo.reshape %101 : (tensor<4x16x16x2x16xf32>) -> tensor<4x256x2x16xf32>
    %103 = stablehlo.iota dim = 2 : tensor<4x4x256xi32>
    %104 = stablehlo.broadcast_in_dim %positions, dims = [0, 1] : (tensor<4x4xi32>) -> tensor<4x4x256xi32>
    %105 = stablehlo.compare  LE, %103, %104,  SIGNED : (tensor<4x4x256xi32>, tensor<4x4x256xi32>) -> tensor<4x4x256xi1>
    %106 = stablehlo.reshape %88 : (tensor<4x4x4x16xf32>) -> tensor<4x4x2x2x16xf32>
    %107 = stablehlo.dot_general %106, %95, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<4x4x2x2x16xf32>, tensor<4x256x2x16xf32>) -> tensor<4x2x4x2x256xf32>
    %108 = stablehlo.constant dense<2.500000e-01> : tensor<4x2x4x2x256xf32>
    %109 = stablehlo.multiply %107, %108 : tensor<4x2x4x2x256xf32>
    %110 = stablehlo.broadcast_in_dim %105, dims = [0, 2, 4] : (tensor<4x4x256xi1>) -> tensor<4x2x4x2x256xi1>
    %111 = stablehlo.constant dense<0xFF800000> : tensor<4x2x4x2x256xf32>
    %112 = stablehlo.select %110, %109, %111 : tensor<4x2x4x2x256xi1>, tensor<4x2x4x2x256xf32>
    %113 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %114 = stablehlo.reduce(%112 init: %113) applies stablehlo.maximum across dimensions = [4] : (tensor<4x2x4x2x256xf32>, tensor<f32>) -> tensor<4x2x4x2xf32>
    %115 = stablehlo.broadcast_in_dim %114, dims = [0, 1, 2, 3] : (tensor<4x2x4x2xf32>) -> tensor<4x2x4x2x256xf32>
    %116 = stablehlo.subtract %112, %115 : tensor<4x2x4x2x256xf32>
    %117 = stablehlo.exponential %116 : tensor<4x2x4x2x256xf32>
    %118 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %119 = stablehlo.reduce(%117 init: %118) applies stablehlo.add across dimensions = [4] : (tensor<4x2x4x2x256xf32>, tensor<f32>) -> tensor<4x2x4x2xf32>
    %120 = stablehlo.broadcast_in_dim %119, dims = [0, 1, 2, 3] : (tensor<4x2x4x2xf32>) -> tensor<4x2x4x2x256xf32>
    %121 = stablehlo.divide %117, %120 : tensor<4x2x4x2x256xf32>
    %122 = stablehlo.dot_general %121, %102, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<4x2x4x2x256xf32>, tensor<4x256x2x16xf32>) -> tensor<4x2x4x2x16xf32>
    %123 = stablehlo.transpose %122, dims = [0, 2, 1, 3, 4] : (tensor<4x2x4x2x16xf32>) -> tensor<4x4x2x2x16xf32>
    %124 = stablehlo.reshape %123 : (tensor<4x4x2x2x16xf32>) -> tensor<4x4x4x16xf32>
    %125 = stablehlo.reshape %124 : (tensor<4x4x4x16xf32>) -> tensor<16x64xf32>
    %126 = stablehlo.dot_general %125, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<64x64xf32>) -> tensor<16x64xf32>
    %127 = stablehlo.add %x, %126 : tensor<16x64xf32>
    %128 = stablehlo.multiply %127, %127 : tensor<16x64xf32>
    %129 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %130 = stablehlo.reduce(%128 init: %129) applies stablehlo.add across dimensions = [1] : (tensor<16x64xf32>, tensor<f32>) -> tensor<16xf32>
    %131 = stablehlo.constant dense<6.400000e+01> : tensor<16xf32>
    %132 = stablehlo.divide %130, %131 : tensor<16xf32>
    %133 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %134 = stablehlo.add %132, %133 : tensor<16xf32>
    %135 = stablehlo.rsqrt %134 : tensor<16xf32>
    %136 = stablehlo.broadcast_in_dim %135, dims = [0] : (tensor<16xf32>) -> tensor<16x64xf32>
    %137 = stablehlo.multiply %127, %136 : tensor<16x64xf32>
    %138 = stablehlo.broadcast_in_dim %post_attention_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<16x64xf32>
    %139 = stablehlo.multiply %137, %138 : tensor<16x64xf32>
    %140 = stablehlo.dot_general %139, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<128x64xf32>) -> tensor<16x128xf32>
    %141 = stablehlo.dot_general %139, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<128x64xf32>) -> tensor<16x128xf32>
    %142 = stablehlo.logistic %140 : tensor<16x128xf32>
    %143 = stablehlo.multiply %140, %142 : tensor<16x128xf32>
    %144 = stablehlo.multiply %143, %141 : tensor<16x128xf32>
    %145 = stablehlo.dot_general %144, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<16x128xf32>, tensor<64x128xf32>) -> tensor<16x64xf32>
    %146 = stablehlo.add %127, %145 : tensor<16x64xf32>
    return %146, %87 : tensor<16x64xf32>, tensor<2x2x2x64x16x16xf32>
  }
  func.func private @draft_context(%ctx: tensor<16x64xf32>, %positions: tensor<16xi32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.k_norm.weight: tensor<16xf32>) -> (tensor<16x2x16xf32>, tensor<16x2x16xf32>) {
    %0 = stablehlo.dot_general %ctx, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<32x64xf32>) -> tensor<16x32xf32>
    %1 = stablehlo.reshape %0 : (tensor<16x32xf32>) -> tensor<16x2x16xf32>
    %2 = stablehlo.dot_general %ctx, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<16x64xf32>, tensor<32x64xf32>) -> tensor<16x32xf32>
    %3 = stablehlo.reshape %2 : (tensor<16x32xf32>) -> tensor<16x2x16xf32>
    %4 = stablehlo.multiply %1, %1 : tensor<16x2x16xf32>
    %5 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %6 = stablehlo.reduce(%4 init: %5) applies stablehlo.add across dimensions = [2] : (tensor<16x2x16xf32>, tensor<f32>) -> tensor<16x2xf32>
    %7 = stablehlo.constant dense<1.600000e+01> : tensor<16x2xf32>
    %8 = stablehlo.divide %6, %7 : tensor<16x2xf32>
    %9 = stablehlo.constant dense<1.000000e-06> : tensor<16x2xf32>
    %10 = stablehlo.add %8, %9 : tensor<16x2xf32>
    %11 = stablehlo.rsqrt %10 : tensor<16x2xf32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [0, 1] : (tensor<16x2xf32>) -> tensor<16x2x16xf32>
    %13 = stablehlo.multiply %1, %12 : tensor<16x2x16xf32>
    %14 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<16x2x16xf32>
    %15 = stablehlo.multiply %13, %14 : tensor<16x2x16xf32>
    %16 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %17 = stablehlo.convert %positions : (tensor<16xi32>) -> tensor<16xf32>
    %18 = stablehlo.broadcast_in_dim %17, dims = [0] : (tensor<16xf32>) -> tensor<16x8xf32>
    %19 = stablehlo.broadcast_in_dim %16, dims = [1] : (tensor<8xf32>) -> tensor<16x8xf32>
    %20 = stablehlo.multiply %18, %19 : tensor<16x8xf32>
    %21 = stablehlo.cosine %20 : tensor<16x8xf32>
    %22 = stablehlo.concatenate %21, %21, dim = 1 : (tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x16xf32>
    %23 = stablehlo.broadcast_in_dim %22, dims = [0, 2] : (tensor<16x16xf32>) -> tensor<16x2x16xf32>
    %24 = stablehlo.sine %20 : tensor<16x8xf32>
    %25 = stablehlo.concatenate %24, %24, dim = 1 : (tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x16xf32>
    %26 = stablehlo.broadcast_in_dim %25, dims = [0, 2] : (tensor<16x16xf32>) -> tensor<16x2x16xf32>
    %27 = stablehlo.slice %15 [0:16, 0:2, 0:8] : (tensor<16x2x16xf32>) -> tensor<16x2x8xf32>
    %28 = stablehlo.slice %15 [0:16, 0:2, 8:16] : (tensor<16x2x16xf32>) -> tensor<16x2x8xf32>
    %29 = stablehlo.negate %28 : tensor<16x2x8xf32>
    %30 = stablehlo.concatenate %29, %27, dim = 2 : (tensor<16x2x8xf32>, tensor<16x2x8xf32>) -> tensor<16x2x16xf32>
    %31 = stablehlo.multiply %15, %23 : tensor<16x2x16xf32>
    %32 = stablehlo.multiply %30, %26 : tensor<16x2x16xf32>
    %33 = stablehlo.add %31, %32 : tensor<16x2x16xf32>
    return %33, %3 : tensor<16x2x16xf32>, tensor<16x2x16xf32>
  }
}
