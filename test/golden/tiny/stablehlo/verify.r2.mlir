module @verify_r2 {
  func.func public @main(%target.model.embed_tokens.weight: tensor<256x64xf32>, %target.model.layers.$.input_layernorm.weight: tensor<2x64xf32>, %target.model.layers.$.self_attn.q_proj.weight: tensor<2x64x64xf32>, %target.model.layers.$.self_attn.k_proj.weight: tensor<2x32x64xf32>, %target.model.layers.$.self_attn.v_proj.weight: tensor<2x32x64xf32>, %target.model.layers.$.self_attn.o_proj.weight: tensor<2x64x64xf32>, %target.model.layers.$.self_attn.q_norm.weight: tensor<2x16xf32>, %target.model.layers.$.self_attn.k_norm.weight: tensor<2x16xf32>, %target.model.layers.$.post_attention_layernorm.weight: tensor<2x64xf32>, %target.model.layers.$.mlp.gate_proj.weight: tensor<2x128x64xf32>, %target.model.layers.$.mlp.up_proj.weight: tensor<2x128x64xf32>, %target.model.layers.$.mlp.down_proj.weight: tensor<2x64x128xf32>, %target.model.norm.weight: tensor<64xf32>, %target.lm_head.weight: tensor<256x64xf32>, %draft.fc.weight: tensor<64x128xf32>, %draft.hidden_norm.weight: tensor<64xf32>, %draft.layers.0.self_attn.k_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.v_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.k_norm.weight: tensor<16xf32>, %target_kv: tensor<2x2x2x64x16x16xf32> {jax.buffer_donor = true}, %draft_k: tensor<1x5x256x2x16xf32> {jax.buffer_donor = true}, %draft_v: tensor<1x5x256x2x16xf32> {jax.buffer_donor = true}, %seq_state: tensor<5x2xi32> {jax.buffer_donor = true}, %block_tokens: tensor<2x4xi32>, %slots: tensor<2xi32>, %block_tables: tensor<2x16xi32>, %draft_slots: tensor<2xi32>) -> (tensor<2xi32>, tensor<2x4xi32>, tensor<2x2x2x64x16x16xf32>, tensor<1x5x256x2x16xf32>, tensor<1x5x256x2x16xf32>, tensor<5x2xi32>) {
    %0 = stablehlo.reshape %slots : (tensor<2xi32>) -> tensor<2x1xi32>
    %1 = "stablehlo.gather"(%seq_state, %0) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 2>}> : (tensor<5x2xi32>, tensor<2x1xi32>) -> tensor<2x2xi32>
    %2 = stablehlo.slice %1 [0:2, 1:2] : (tensor<2x2xi32>) -> tensor<2x1xi32>
    %3 = stablehlo.reshape %2 : (tensor<2x1xi32>) -> tensor<2xi32>
    %4 = stablehlo.broadcast_in_dim %3, dims = [0] : (tensor<2xi32>) -> tensor<2x4xi32>
    %5 = stablehlo.iota dim = 1 : tensor<2x4xi32>
    %6 = stablehlo.add %4, %5 : tensor<2x4xi32>
    %7 = stablehlo.iota dim = 0 : tensor<2x4xi32>
    %8 = stablehlo.reshape %7 : (tensor<2x4xi32>) -> tensor<2x4x1xi32>
    %9 = stablehlo.constant dense<16> : tensor<2x4xi32>
    %10 = stablehlo.divide %6, %9 : tensor<2x4xi32>
    %11 = stablehlo.reshape %10 : (tensor<2x4xi32>) -> tensor<2x4x1xi32>
    %12 = stablehlo.concatenate %8, %11, dim = 2 : (tensor<2x4x1xi32>, tensor<2x4x1xi32>) -> tensor<2x4x2xi32>
    %13 = "stablehlo.gather"(%block_tables, %12) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<2x16xi32>, tensor<2x4x2xi32>) -> tensor<2x4xi32>
    %14 = stablehlo.constant dense<16> : tensor<2x4xi32>
    %15 = stablehlo.multiply %13, %14 : tensor<2x4xi32>
    %16 = stablehlo.constant dense<16> : tensor<2x4xi32>
    %17 = stablehlo.remainder %6, %16 : tensor<2x4xi32>
    %18 = stablehlo.add %15, %17 : tensor<2x4xi32>
    %19 = stablehlo.reshape %18 : (tensor<2x4xi32>) -> tensor<8xi32>
    %20 = stablehlo.reshape %block_tokens : (tensor<2x4xi32>) -> tensor<8xi32>
    %21 = stablehlo.reshape %20 : (tensor<8xi32>) -> tensor<8x1xi32>
    %22 = "stablehlo.gather"(%target.model.embed_tokens.weight, %21) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 64>}> : (tensor<256x64xf32>, tensor<8x1xi32>) -> tensor<8x64xf32>
    %23 = stablehlo.constant dense<0.000000e+00> : tensor<3x8x64xf32>
    %24 = stablehlo.constant dense<[0, 1]> : tensor<2xi32>
    %25 = stablehlo.constant dense<0> : tensor<i32>
    %26:4 = stablehlo.while(%iterArg = %25, %iterArg_0 = %22, %iterArg_1 = %target_kv, %iterArg_2 = %23) : tensor<i32>, tensor<8x64xf32>, tensor<2x2x2x64x16x16xf32>, tensor<3x8x64xf32>
    cond {
      %27 = stablehlo.constant dense<2> : tensor<i32>
      %28 = stablehlo.compare  LT, %iterArg, %27,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
      stablehlo.return %28 : tensor<i1>
    } do {
      %29 = stablehlo.constant dense<0> : tensor<i32>
      %30 = stablehlo.dynamic_slice %target.model.layers.$.input_layernorm.weight, %iterArg, %29, sizes = [1, 64] : (tensor<2x64xf32>, tensor<i32>, tensor<i32>) -> tensor<1x64xf32>
      %31 = stablehlo.reshape %30 : (tensor<1x64xf32>) -> tensor<64xf32>
      %32 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.q_proj.weight, %iterArg, %29, %29, sizes = [1, 64, 64] : (tensor<2x64x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x64xf32>
      %33 = stablehlo.reshape %32 : (tensor<1x64x64xf32>) -> tensor<64x64xf32>
      %34 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.k_proj.weight, %iterArg, %29, %29, sizes = [1, 32, 64] : (tensor<2x32x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x32x64xf32>
      %35 = stablehlo.reshape %34 : (tensor<1x32x64xf32>) -> tensor<32x64xf32>
      %36 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.v_proj.weight, %iterArg, %29, %29, sizes = [1, 32, 64] : (tensor<2x32x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x32x64xf32>
      %37 = stablehlo.reshape %36 : (tensor<1x32x64xf32>) -> tensor<32x64xf32>
      %38 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.o_proj.weight, %iterArg, %29, %29, sizes = [1, 64, 64] : (tensor<2x64x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x64xf32>
      %39 = stablehlo.reshape %38 : (tensor<1x64x64xf32>) -> tensor<64x64xf32>
      %40 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.q_norm.weight, %iterArg, %29, sizes = [1, 16] : (tensor<2x16xf32>, tensor<i32>, tensor<i32>) -> tensor<1x16xf32>
      %41 = stablehlo.reshape %40 : (tensor<1x16xf32>) -> tensor<16xf32>
      %42 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.k_norm.weight, %iterArg, %29, sizes = [1, 16] : (tensor<2x16xf32>, tensor<i32>, tensor<i32>) -> tensor<1x16xf32>
      %43 = stablehlo.reshape %42 : (tensor<1x16xf32>) -> tensor<16xf32>
      %44 = stablehlo.dynamic_slice %target.model.layers.$.post_attention_layernorm.weight, %iterArg, %29, sizes = [1, 64] : (tensor<2x64xf32>, tensor<i32>, tensor<i32>) -> tensor<1x64xf32>
      %45 = stablehlo.reshape %44 : (tensor<1x64xf32>) -> tensor<64xf32>
      %46 = stablehlo.dynamic_slice %target.model.layers.$.mlp.gate_proj.weight, %iterArg, %29, %29, sizes = [1, 128, 64] : (tensor<2x128x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x128x64xf32>
      %47 = stablehlo.reshape %46 : (tensor<1x128x64xf32>) -> tensor<128x64xf32>
      %48 = stablehlo.dynamic_slice %target.model.layers.$.mlp.up_proj.weight, %iterArg, %29, %29, sizes = [1, 128, 64] : (tensor<2x128x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x128x64xf32>
      %49 = stablehlo.reshape %48 : (tensor<1x128x64xf32>) -> tensor<128x64xf32>
      %50 = stablehlo.dynamic_slice %target.model.layers.$.mlp.down_proj.weight, %iterArg, %29, %29, sizes = [1, 64, 128] : (tensor<2x64x128xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x128xf32>
      %51 = stablehlo.reshape %50 : (tensor<1x64x128xf32>) -> tensor<64x128xf32>
      %52:2 = func.call @target_layer(%iterArg_0, %iterArg_1, %6, %block_tables, %19, %iterArg, %31, %33, %35, %37, %39, %41, %43, %45, %47, %49, %51) : (tensor<8x64xf32>, tensor<2x2x2x64x16x16xf32>, tensor<2x4xi32>, tensor<2x16xi32>, tensor<8xi32>, tensor<i32>, tensor<64xf32>, tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<64x64xf32>, tensor<16xf32>, tensor<16xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128x64xf32>, tensor<64x128xf32>) -> (tensor<8x64xf32>, tensor<2x2x2x64x16x16xf32>)
      %53 = stablehlo.reshape %52#0 : (tensor<8x64xf32>) -> tensor<1x8x64xf32>
      %54 = stablehlo.dynamic_slice %24, %iterArg, sizes = [1] : (tensor<2xi32>, tensor<i32>) -> tensor<1xi32>
      %55 = stablehlo.reshape %54 : (tensor<1xi32>) -> tensor<i32>
      %56 = stablehlo.dynamic_update_slice %iterArg_2, %53, %55, %29, %29 : (tensor<3x8x64xf32>, tensor<1x8x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<3x8x64xf32>
      %57 = stablehlo.constant dense<1> : tensor<i32>
      %58 = stablehlo.add %iterArg, %57 : tensor<i32>
      stablehlo.return %58, %52#0, %52#1, %56 : tensor<i32>, tensor<8x64xf32>, tensor<2x2x2x64x16x16xf32>, tensor<3x8x64xf32>
    }
    %59 = stablehlo.slice %26#3 [0:1, 0:8, 0:64] : (tensor<3x8x64xf32>) -> tensor<1x8x64xf32>
    %60 = stablehlo.reshape %59 : (tensor<1x8x64xf32>) -> tensor<8x64xf32>
    %61 = stablehlo.slice %26#3 [1:2, 0:8, 0:64] : (tensor<3x8x64xf32>) -> tensor<1x8x64xf32>
    %62 = stablehlo.reshape %61 : (tensor<1x8x64xf32>) -> tensor<8x64xf32>
    %63 = stablehlo.multiply %26#1, %26#1 : tensor<8x64xf32>
    %64 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %65 = stablehlo.reduce(%63 init: %64) applies stablehlo.add across dimensions = [1] : (tensor<8x64xf32>, tensor<f32>) -> tensor<8xf32>
    %66 = stablehlo.constant dense<6.400000e+01> : tensor<8xf32>
    %67 = stablehlo.divide %65, %66 : tensor<8xf32>
    %68 = stablehlo.constant dense<1.000000e-06> : tensor<8xf32>
    %69 = stablehlo.add %67, %68 : tensor<8xf32>
    %70 = stablehlo.rsqrt %69 : tensor<8xf32>
    %71 = stablehlo.broadcast_in_dim %70, dims = [0] : (tensor<8xf32>) -> tensor<8x64xf32>
    %72 = stablehlo.multiply %26#1, %71 : tensor<8x64xf32>
    %73 = stablehlo.broadcast_in_dim %target.model.norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<8x64xf32>
    %74 = stablehlo.multiply %72, %73 : tensor<8x64xf32>
    %75 = stablehlo.dot_general %74, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<256x64xf32>) -> tensor<8x256xf32>
    %76 = stablehlo.iota dim = 1 : tensor<8x256xi32>
    %77 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %78 = stablehlo.constant dense<0> : tensor<i32>
    %79:2 = stablehlo.reduce(%75 init: %77), (%76 init: %78) across dimensions = [1] : (tensor<8x256xf32>, tensor<8x256xi32>, tensor<f32>, tensor<i32>) -> (tensor<8xf32>, tensor<8xi32>)
      reducer(%arg27: tensor<f32>, %arg29: tensor<f32>) (%arg28: tensor<i32>, %arg30: tensor<i32>) {
        %80 = stablehlo.compare  GT, %arg27, %arg29,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %81 = stablehlo.compare  EQ, %arg27, %arg29,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %82 = stablehlo.compare  LT, %arg28, %arg30,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %83 = stablehlo.and %81, %82 : tensor<i1>
        %84 = stablehlo.or %80, %83 : tensor<i1>
        %85 = stablehlo.select %84, %arg27, %arg29 : tensor<i1>, tensor<f32>
        %86 = stablehlo.select %84, %arg28, %arg30 : tensor<i1>, tensor<i32>
        stablehlo.return %85, %86 : tensor<f32>, tensor<i32>
      }
    %87 = stablehlo.reshape %79#1 : (tensor<8xi32>) -> tensor<2x4xi32>
    %88 = stablehlo.slice %block_tokens [0:2, 1:4] : (tensor<2x4xi32>) -> tensor<2x3xi32>
    %89 = stablehlo.slice %87 [0:2, 0:3] : (tensor<2x4xi32>) -> tensor<2x3xi32>
    %90 = stablehlo.compare  EQ, %88, %89,  SIGNED : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi1>
    %91 = stablehlo.iota dim = 1 : tensor<2x3xi32>
    %92 = stablehlo.constant dense<3> : tensor<2x3xi32>
    %93 = stablehlo.select %90, %92, %91 : tensor<2x3xi1>, tensor<2x3xi32>
    %94 = stablehlo.constant dense<3> : tensor<i32>
    %95 = stablehlo.reduce(%93 init: %94) applies stablehlo.minimum across dimensions = [1] : (tensor<2x3xi32>, tensor<i32>) -> tensor<2xi32>
    %96 = stablehlo.reshape %6 : (tensor<2x4xi32>) -> tensor<8xi32>
    %97 = stablehlo.concatenate %60, %62, dim = 1 : (tensor<8x64xf32>, tensor<8x64xf32>) -> tensor<8x128xf32>
    %98 = stablehlo.dot_general %97, %draft.fc.weight, contracting_dims = [1] x [1] : (tensor<8x128xf32>, tensor<64x128xf32>) -> tensor<8x64xf32>
    %99 = stablehlo.multiply %98, %98 : tensor<8x64xf32>
    %100 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %101 = stablehlo.reduce(%99 init: %100) applies stablehlo.add across dimensions = [1] : (tensor<8x64xf32>, tensor<f32>) -> tensor<8xf32>
    %102 = stablehlo.constant dense<6.400000e+01> : tensor<8xf32>
    %103 = stablehlo.divide %101, %102 : tensor<8xf32>
    %104 = stablehlo.constant dense<1.000000e-06> : tensor<8xf32>
    %105 = stablehlo.add %103, %104 : tensor<8xf32>
    %106 = stablehlo.rsqrt %105 : tensor<8xf32>
    %107 = stablehlo.broadcast_in_dim %106, dims = [0] : (tensor<8xf32>) -> tensor<8x64xf32>
    %108 = stablehlo.multiply %98, %107 : tensor<8x64xf32>
    %109 = stablehlo.broadcast_in_dim %draft.hidden_norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<8x64xf32>
    %110 = stablehlo.multiply %108, %109 : tensor<8x64xf32>
    %111:2 = func.call @draft_context(%110, %96, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.k_norm.weight) : (tensor<8x64xf32>, tensor<8xi32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<16xf32>) -> (tensor<8x2x16xf32>, tensor<8x2x16xf32>)
    %112 = stablehlo.reshape %111#0 : (tensor<8x2x16xf32>) -> tensor<2x4x2x16xf32>
    %113 = stablehlo.constant dense<0> : tensor<2x1xi32>
    %114 = stablehlo.constant dense<0> : tensor<2xi32>
    %115 = stablehlo.maximum %draft_slots, %114 : tensor<2xi32>
    %116 = stablehlo.constant dense<4> : tensor<2xi32>
    %117 = stablehlo.minimum %115, %116 : tensor<2xi32>
    %118 = stablehlo.reshape %117 : (tensor<2xi32>) -> tensor<2x1xi32>
    %119 = stablehlo.constant dense<0> : tensor<2xi32>
    %120 = stablehlo.maximum %3, %119 : tensor<2xi32>
    %121 = stablehlo.constant dense<252> : tensor<2xi32>
    %122 = stablehlo.minimum %120, %121 : tensor<2xi32>
    %123 = stablehlo.reshape %122 : (tensor<2xi32>) -> tensor<2x1xi32>
    %124 = stablehlo.concatenate %113, %118, %123, dim = 1 : (tensor<2x1xi32>, tensor<2x1xi32>, tensor<2x1xi32>) -> tensor<2x3xi32>
    %125 = "stablehlo.scatter"(%draft_k, %124, %112) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg31: tensor<f32>, %arg32: tensor<f32>):
      stablehlo.return %arg32 : tensor<f32>
    }) : (tensor<1x5x256x2x16xf32>, tensor<2x3xi32>, tensor<2x4x2x16xf32>) -> tensor<1x5x256x2x16xf32>
    %126 = stablehlo.reshape %111#1 : (tensor<8x2x16xf32>) -> tensor<2x4x2x16xf32>
    %127 = stablehlo.constant dense<0> : tensor<2x1xi32>
    %128 = stablehlo.constant dense<0> : tensor<2xi32>
    %129 = stablehlo.maximum %draft_slots, %128 : tensor<2xi32>
    %130 = stablehlo.constant dense<4> : tensor<2xi32>
    %131 = stablehlo.minimum %129, %130 : tensor<2xi32>
    %132 = stablehlo.reshape %131 : (tensor<2xi32>) -> tensor<2x1xi32>
    %133 = stablehlo.constant dense<0> : tensor<2xi32>
    %134 = stablehlo.maximum %3, %133 : tensor<2xi32>
    %135 = stablehlo.constant dense<252> : tensor<2xi32>
    %136 = stablehlo.minimum %134, %135 : tensor<2xi32>
    %137 = stablehlo.reshape %136 : (tensor<2xi32>) -> tensor<2x1xi32>
    %138 = stablehlo.concatenate %127, %132, %137, dim = 1 : (tensor<2x1xi32>, tensor<2x1xi32>, tensor<2x1xi32>) -> tensor<2x3xi32>
    %139 = "stablehlo.scatter"(%draft_v, %138, %126) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg33: tensor<f32>, %arg34: tensor<f32>):
      stablehlo.return %arg34 : tensor<f32>
    }) : (tensor<1x5x256x2x16xf32>, tensor<2x3xi32>, tensor<2x4x2x16xf32>) -> tensor<1x5x256x2x16xf32>
    %140 = stablehlo.constant dense<0> : tensor<2xi32>
    %141 = stablehlo.maximum %95, %140 : tensor<2xi32>
    %142 = stablehlo.constant dense<3> : tensor<2xi32>
    %143 = stablehlo.minimum %141, %142 : tensor<2xi32>
    %144 = stablehlo.slice %1 [0:2, 1:2] : (tensor<2x2xi32>) -> tensor<2x1xi32>
    %145 = stablehlo.reshape %144 : (tensor<2x1xi32>) -> tensor<2xi32>
    %146 = stablehlo.iota dim = 0 : tensor<2xi32>
    %147 = stablehlo.reshape %146 : (tensor<2xi32>) -> tensor<2x1xi32>
    %148 = stablehlo.reshape %143 : (tensor<2xi32>) -> tensor<2x1xi32>
    %149 = stablehlo.concatenate %147, %148, dim = 1 : (tensor<2x1xi32>, tensor<2x1xi32>) -> tensor<2x2xi32>
    %150 = "stablehlo.gather"(%87, %149) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<2x4xi32>, tensor<2x2xi32>) -> tensor<2xi32>
    %151 = stablehlo.constant dense<1> : tensor<2xi32>
    %152 = stablehlo.add %145, %151 : tensor<2xi32>
    %153 = stablehlo.add %152, %143 : tensor<2xi32>
    %154 = stablehlo.reshape %150 : (tensor<2xi32>) -> tensor<2x1xi32>
    %155 = stablehlo.reshape %153 : (tensor<2xi32>) -> tensor<2x1xi32>
    %156 = stablehlo.concatenate %154, %155, dim = 1 : (tensor<2x1xi32>, tensor<2x1xi32>) -> tensor<2x2xi32>
    %157 = stablehlo.reshape %slots : (tensor<2xi32>) -> tensor<2x1xi32>
    %158 = "stablehlo.scatter"(%seq_state, %157, %156) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg35: tensor<i32>, %arg36: tensor<i32>):
      stablehlo.return %arg36 : tensor<i32>
    }) : (tensor<5x2xi32>, tensor<2x1xi32>, tensor<2x2xi32>) -> tensor<5x2xi32>
    return %95, %87, %26#2, %125, %139, %158 : tensor<2xi32>, tensor<2x4xi32>, tensor<2x2x2x64x16x16xf32>, tensor<1x5x256x2x16xf32>, tensor<1x5x256x2x16xf32>, tensor<5x2xi32>
  }
  func.func private @target_layer(%x: tensor<8x64xf32>, %target_kv: tensor<2x2x2x64x16x16xf32>, %positions: tensor<2x4xi32>, %tables: tensor<2x16xi32>, %rows: tensor<8xi32>, %layer: tensor<i32>, %input_layernorm.weight: tensor<64xf32>, %self_attn.q_proj.weight: tensor<64x64xf32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.o_proj.weight: tensor<64x64xf32>, %self_attn.q_norm.weight: tensor<16xf32>, %self_attn.k_norm.weight: tensor<16xf32>, %post_attention_layernorm.weight: tensor<64xf32>, %mlp.gate_proj.weight: tensor<128x64xf32>, %mlp.up_proj.weight: tensor<128x64xf32>, %mlp.down_proj.weight: tensor<64x128xf32>) -> (tensor<8x64xf32>, tensor<2x2x2x64x16x16xf32>) {
    %0 = stablehlo.reshape %positions : (tensor<2x4xi32>) -> tensor<8xi32>
    %1 = stablehlo.multiply %x, %x : tensor<8x64xf32>
    %2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %3 = stablehlo.reduce(%1 init: %2) applies stablehlo.add across dimensions = [1] : (tensor<8x64xf32>, tensor<f32>) -> tensor<8xf32>
    %4 = stablehlo.constant dense<6.400000e+01> : tensor<8xf32>
    %5 = stablehlo.divide %3, %4 : tensor<8xf32>
    %6 = stablehlo.constant dense<1.000000e-06> : tensor<8xf32>
    %7 = stablehlo.add %5, %6 : tensor<8xf32>
    %8 = stablehlo.rsqrt %7 : tensor<8xf32>
    %9 = stablehlo.broadcast_in_dim %8, dims = [0] : (tensor<8xf32>) -> tensor<8x64xf32>
    %10 = stablehlo.multiply %x, %9 : tensor<8x64xf32>
    %11 = stablehlo.broadcast_in_dim %input_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<8x64xf32>
    %12 = stablehlo.multiply %10, %11 : tensor<8x64xf32>
    %13 = stablehlo.dot_general %12, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<64x64xf32>) -> tensor<8x64xf32>
    %14 = stablehlo.reshape %13 : (tensor<8x64xf32>) -> tensor<8x4x16xf32>
    %15 = stablehlo.dot_general %12, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<32x64xf32>) -> tensor<8x32xf32>
    %16 = stablehlo.reshape %15 : (tensor<8x32xf32>) -> tensor<8x2x16xf32>
    %17 = stablehlo.dot_general %12, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<32x64xf32>) -> tensor<8x32xf32>
    %18 = stablehlo.reshape %17 : (tensor<8x32xf32>) -> tensor<8x2x16xf32>
    %19 = stablehlo.multiply %14, %14 : tensor<8x4x16xf32>
    %20 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %21 = stablehlo.reduce(%19 init: %20) applies stablehlo.add across dimensions = [2] : (tensor<8x4x16xf32>, tensor<f32>) -> tensor<8x4xf32>
    %22 = stablehlo.constant dense<1.600000e+01> : tensor<8x4xf32>
    %23 = stablehlo.divide %21, %22 : tensor<8x4xf32>
    %24 = stablehlo.constant dense<1.000000e-06> : tensor<8x4xf32>
    %25 = stablehlo.add %23, %24 : tensor<8x4xf32>
    %26 = stablehlo.rsqrt %25 : tensor<8x4xf32>
    %27 = stablehlo.broadcast_in_dim %26, dims = [0, 1] : (tensor<8x4xf32>) -> tensor<8x4x16xf32>
    %28 = stablehlo.multiply %14, %27 : tensor<8x4x16xf32>
    %29 = stablehlo.broadcast_in_dim %self_attn.q_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<8x4x16xf32>
    %30 = stablehlo.multiply %28, %29 : tensor<8x4x16xf32>
    %31 = stablehlo.multiply %16, %16 : tensor<8x2x16xf32>
    %32 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %33 = stablehlo.reduce(%31 init: %32) applies stablehlo.add across dimensions = [2] : (tensor<8x2x16xf32>, tensor<f32>) -> tensor<8x2xf32>
    %34 = stablehlo.constant dense<1.600000e+01> : tensor<8x2xf32>
    %35 = stablehlo.divide %33, %34 : tensor<8x2xf32>
    %36 = stablehlo.constant dense<1.000000e-06> : tensor<8x2xf32>
    %37 = stablehlo.add %35, %36 : tensor<8x2xf32>
    %38 = stablehlo.rsqrt %37 : tensor<8x2xf32>
    %39 = stablehlo.broadcast_in_dim %38, dims = [0, 1] : (tensor<8x2xf32>) -> tensor<8x2x16xf32>
    %40 = stablehlo.multiply %16, %39 : tensor<8x2x16xf32>
    %41 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<8x2x16xf32>
    %42 = stablehlo.multiply %40, %41 : tensor<8x2x16xf32>
    %43 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %44 = stablehlo.convert %0 : (tensor<8xi32>) -> tensor<8xf32>
    %45 = stablehlo.broadcast_in_dim %44, dims = [0] : (tensor<8xf32>) -> tensor<8x8xf32>
    %46 = stablehlo.broadcast_in_dim %43, dims = [1] : (tensor<8xf32>) -> tensor<8x8xf32>
    %47 = stablehlo.multiply %45, %46 : tensor<8x8xf32>
    %48 = stablehlo.cosine %47 : tensor<8x8xf32>
    %49 = stablehlo.concatenate %48, %48, dim = 1 : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x16xf32>
    %50 = stablehlo.broadcast_in_dim %49, dims = [0, 2] : (tensor<8x16xf32>) -> tensor<8x4x16xf32>
    %51 = stablehlo.sine %47 : tensor<8x8xf32>
    %52 = stablehlo.concatenate %51, %51, dim = 1 : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x16xf32>
    %53 = stablehlo.broadcast_in_dim %52, dims = [0, 2] : (tensor<8x16xf32>) -> tensor<8x4x16xf32>
    %54 = stablehlo.slice %30 [0:8, 0:4, 0:8] : (tensor<8x4x16xf32>) -> tensor<8x4x8xf32>
    %55 = stablehlo.slice %30 [0:8, 0:4, 8:16] : (tensor<8x4x16xf32>) -> tensor<8x4x8xf32>
    %56 = stablehlo.negate %55 : tensor<8x4x8xf32>
    %57 = stablehlo.concatenate %56, %54, dim = 2 : (tensor<8x4x8xf32>, tensor<8x4x8xf32>) -> tensor<8x4x16xf32>
    %58 = stablehlo.multiply %30, %50 : tensor<8x4x16xf32>
    %59 = stablehlo.multiply %57, %53 : tensor<8x4x16xf32>
    %60 = stablehlo.add %58, %59 : tensor<8x4x16xf32>
    %61 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %62 = stablehlo.convert %0 : (tensor<8xi32>) -> tensor<8xf32>
    %63 = stablehlo.broadcast_in_dim %62, dims = [0] : (tensor<8xf32>) -> tensor<8x8xf32>
    %64 = stablehlo.broadcast_in_dim %61, dims = [1] : (tensor<8xf32>) -> tensor<8x8xf32>
    %65 = stablehlo.multiply %63, %64 : tensor<8x8xf32>
    %66 = stablehlo.cosine %65 : tensor<8x8xf32>
    %67 = stablehlo.concatenate %66, %66, dim = 1 : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x16xf32>
    %68 = stablehlo.broadcast_in_dim %67, dims = [0, 2] : (tensor<8x16xf32>) -> tensor<8x2x16xf32>
    %69 = stablehlo.sine %65 : tensor<8x8xf32>
    %70 = stablehlo.concatenate %69, %69, dim = 1 : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x16xf32>
    %71 = stablehlo.broadcast_in_dim %70, dims = [0, 2] : (tensor<8x16xf32>) -> tensor<8x2x16xf32>
    %72 = stablehlo.slice %42 [0:8, 0:2, 0:8] : (tensor<8x2x16xf32>) -> tensor<8x2x8xf32>
    %73 = stablehlo.slice %42 [0:8, 0:2, 8:16] : (tensor<8x2x16xf32>) -> tensor<8x2x8xf32>
    %74 = stablehlo.negate %73 : tensor<8x2x8xf32>
    %75 = stablehlo.concatenate %74, %72, dim = 2 : (tensor<8x2x8xf32>, tensor<8x2x8xf32>) -> tensor<8x2x16xf32>
    %76 = stablehlo.multiply %42, %68 : tensor<8x2x16xf32>
    %77 = stablehlo.multiply %75, %71 : tensor<8x2x16xf32>
    %78 = stablehlo.add %76, %77 : tensor<8x2x16xf32>
    %79 = stablehlo.reshape %target_kv : (tensor<2x2x2x64x16x16xf32>) -> tensor<2x2x2x1024x16xf32>
    %80 = stablehlo.reshape %78 : (tensor<8x2x16xf32>) -> tensor<8x1x2x16xf32>
    %81 = stablehlo.reshape %18 : (tensor<8x2x16xf32>) -> tensor<8x1x2x16xf32>
    %82 = stablehlo.concatenate %80, %81, dim = 1 : (tensor<8x1x2x16xf32>, tensor<8x1x2x16xf32>) -> tensor<8x2x2x16xf32>
    %83 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<8x1xi32>
    %84 = stablehlo.reshape %rows : (tensor<8xi32>) -> tensor<8x1xi32>
    %85 = stablehlo.concatenate %83, %84, dim = 1 : (tensor<8x1xi32>, tensor<8x1xi32>) -> tensor<8x2xi32>
    %86 = "stablehlo.scatter"(%79, %85, %82) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 3], scatter_dims_to_operand_dims = [0, 3], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg17: tensor<f32>, %arg18: tensor<f32>):
      stablehlo.return %arg18 : tensor<f32>
    }) : (tensor<2x2x2x1024x16xf32>, tensor<8x2xi32>, tensor<8x2x2x16xf32>) -> tensor<2x2x2x1024x16xf32>
    %87 = stablehlo.reshape %86 : (tensor<2x2x2x1024x16xf32>) -> tensor<2x2x2x64x16x16xf32>
    %88 = stablehlo.reshape %60 : (tensor<8x4x16xf32>) -> tensor<2x4x4x16xf32>
    %89 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<2x16x1xi32>
    %90 = stablehlo.constant dense<0> : tensor<2x16x1xi32>
    %91 = stablehlo.reshape %tables : (tensor<2x16xi32>) -> tensor<2x16x1xi32>
    %92 = stablehlo.concatenate %89, %90, %91, dim = 2 : (tensor<2x16x1xi32>, tensor<2x16x1xi32>, tensor<2x16x1xi32>) -> tensor<2x16x3xi32>
    %93 = "stablehlo.gather"(%87, %92) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 2, 1, 16, 16>}> : (tensor<2x2x2x64x16x16xf32>, tensor<2x16x3xi32>) -> tensor<2x16x2x16x16xf32>
    %94 = stablehlo.transpose %93, dims = [0, 1, 3, 2, 4] : (tensor<2x16x2x16x16xf32>) -> tensor<2x16x16x2x16xf32>
    %95 = stablehlo.reshape %94 : (tensor<2x16x16x2x16xf32>) -> tensor<2x256x2x16xf32>
    %96 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<2x16x1xi32>
    %97 = stablehlo.constant dense<1> : tensor<2x16x1xi32>
    %98 = stablehlo.reshape %tables : (tensor<2x16xi32>) -> tensor<2x16x1xi32>
    %99 = stablehlo.concatenate %96, %97, %98, dim = 2 : (tensor<2x16x1xi32>, tensor<2x16x1xi32>, tensor<2x16x1xi32>) -> tensor<2x16x3xi32>
    %100 = "stablehlo.gather"(%87, %99) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 2, 1, 16, 16>}> : (tensor<2x2x2x64x16x16xf32>, tensor<2x16x3xi32>) -> tensor<2x16x2x16x16xf32>
    %101 = stablehlo.transpose %100, dims = [0, 1, 3, 2, 4] : (tensor<2x16x2x16x16xf32>) -> tensor<2x16x16x2x16xf32>
    %102 = stablehlo.reshape %101 : (tensor<2x16x16x2x16xf32>) -> tensor<2x256x2x16xf32>
    %103 = stablehlo.iota dim = 2 : tensor<2x4x256xi32>
    %104 = stablehlo.broadcast_in_dim %positions, dims = [0, 1] : (tensor<2x4xi32>) -> tensor<2x4x256xi32>
    %105 = stablehlo.compare  LE, %103, %104,  SIGNED : (tensor<2x4x256xi32>, tensor<2x4x256xi32>) -> tensor<2x4x256xi1>
    %106 = stablehlo.reshape %88 : (tensor<2x4x4x16xf32>) -> tensor<2x4x2x2x16xf32>
    %107 = stablehlo.dot_general %106, %95, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<2x4x2x2x16xf32>, tensor<2x256x2x16xf32>) -> tensor<2x2x4x2x256xf32>
    %108 = stablehlo.constant dense<2.500000e-01> : tensor<2x2x4x2x256xf32>
    %109 = stablehlo.multiply %107, %108 : tensor<2x2x4x2x256xf32>
    %110 = stablehlo.broadcast_in_dim %105, dims = [0, 2, 4] : (tensor<2x4x256xi1>) -> tensor<2x2x4x2x256xi1>
    %111 = stablehlo.constant dense<0xFF800000> : tensor<2x2x4x2x256xf32>
    %112 = stablehlo.select %110, %109, %111 : tensor<2x2x4x2x256xi1>, tensor<2x2x4x2x256xf32>
    %113 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %114 = stablehlo.reduce(%112 init: %113) applies stablehlo.maximum across dimensions = [4] : (tensor<2x2x4x2x256xf32>, tensor<f32>) -> tensor<2x2x4x2xf32>
    %115 = stablehlo.broadcast_in_dim %114, dims = [0, 1, 2, 3] : (tensor<2x2x4x2xf32>) -> tensor<2x2x4x2x256xf32>
    %116 = stablehlo.subtract %112, %115 : tensor<2x2x4x2x256xf32>
    %117 = stablehlo.exponential %116 : tensor<2x2x4x2x256xf32>
    %118 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %119 = stablehlo.reduce(%117 init: %118) applies stablehlo.add across dimensions = [4] : (tensor<2x2x4x2x256xf32>, tensor<f32>) -> tensor<2x2x4x2xf32>
    %120 = stablehlo.broadcast_in_dim %119, dims = [0, 1, 2, 3] : (tensor<2x2x4x2xf32>) -> tensor<2x2x4x2x256xf32>
    %121 = stablehlo.divide %117, %120 : tensor<2x2x4x2x256xf32>
    %122 = stablehlo.dot_general %121, %102, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<2x2x4x2x256xf32>, tensor<2x256x2x16xf32>) -> tensor<2x2x4x2x16xf32>
    %123 = stablehlo.transpose %122, dims = [0, 2, 1, 3, 4] : (tensor<2x2x4x2x16xf32>) -> tensor<2x4x2x2x16xf32>
    %124 = stablehlo.reshape %123 : (tensor<2x4x2x2x16xf32>) -> tensor<2x4x4x16xf32>
    %125 = stablehlo.reshape %124 : (tensor<2x4x4x16xf32>) -> tensor<8x64xf32>
    %126 = stablehlo.dot_general %125, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<64x64xf32>) -> tensor<8x64xf32>
    %127 = stablehlo.add %x, %126 : tensor<8x64xf32>
    %128 = stablehlo.multiply %127, %127 : tensor<8x64xf32>
    %129 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %130 = stablehlo.reduce(%128 init: %129) applies stablehlo.add across dimensions = [1] : (tensor<8x64xf32>, tensor<f32>) -> tensor<8xf32>
    %131 = stablehlo.constant dense<6.400000e+01> : tensor<8xf32>
    %132 = stablehlo.divide %130, %131 : tensor<8xf32>
    %133 = stablehlo.constant dense<1.000000e-06> : tensor<8xf32>
    %134 = stablehlo.add %132, %133 : tensor<8xf32>
    %135 = stablehlo.rsqrt %134 : tensor<8xf32>
    %136 = stablehlo.broadcast_in_dim %135, dims = [0] : (tensor<8xf32>) -> tensor<8x64xf32>
    %137 = stablehlo.multiply %127, %136 : tensor<8x64xf32>
    %138 = stablehlo.broadcast_in_dim %post_attention_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<8x64xf32>
    %139 = stablehlo.multiply %137, %138 : tensor<8x64xf32>
    %140 = stablehlo.dot_general %139, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<128x64xf32>) -> tensor<8x128xf32>
    %141 = stablehlo.dot_general %139, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<128x64xf32>) -> tensor<8x128xf32>
    %142 = stablehlo.logistic %140 : tensor<8x128xf32>
    %143 = stablehlo.multiply %140, %142 : tensor<8x128xf32>
    %144 = stablehlo.multiply %143, %141 : tensor<8x128xf32>
    %145 = stablehlo.dot_general %144, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<8x128xf32>, tensor<64x128xf32>) -> tensor<8x64xf32>
    %146 = stablehlo.add %127, %145 : tensor<8x64xf32>
    return %146, %87 : tensor<8x64xf32>, tensor<2x2x2x64x16x16xf32>
  }
  func.func private @draft_context(%ctx: tensor<8x64xf32>, %positions: tensor<8xi32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.k_norm.weight: tensor<16xf32>) -> (tensor<8x2x16xf32>, tensor<8x2x16xf32>) {
    %0 = stablehlo.dot_general %ctx, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<32x64xf32>) -> tensor<8x32xf32>
    %1 = stablehlo.reshape %0 : (tensor<8x32xf32>) -> tensor<8x2x16xf32>
    %2 = stablehlo.dot_general %ctx, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<32x64xf32>) -> tensor<8x32xf32>
    %3 = stablehlo.reshape %2 : (tensor<8x32xf32>) -> tensor<8x2x16xf32>
    %4 = stablehlo.multiply %1, %1 : tensor<8x2x16xf32>
    %5 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %6 = stablehlo.reduce(%4 init: %5) applies stablehlo.add across dimensions = [2] : (tensor<8x2x16xf32>, tensor<f32>) -> tensor<8x2xf32>
    %7 = stablehlo.constant dense<1.600000e+01> : tensor<8x2xf32>
    %8 = stablehlo.divide %6, %7 : tensor<8x2xf32>
    %9 = stablehlo.constant dense<1.000000e-06> : tensor<8x2xf32>
    %10 = stablehlo.add %8, %9 : tensor<8x2xf32>
    %11 = stablehlo.rsqrt %10 : tensor<8x2xf32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [0, 1] : (tensor<8x2xf32>) -> tensor<8x2x16xf32>
    %13 = stablehlo.multiply %1, %12 : tensor<8x2x16xf32>
    %14 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<8x2x16xf32>
    %15 = stablehlo.multiply %13, %14 : tensor<8x2x16xf32>
    %16 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %17 = stablehlo.convert %positions : (tensor<8xi32>) -> tensor<8xf32>
    %18 = stablehlo.broadcast_in_dim %17, dims = [0] : (tensor<8xf32>) -> tensor<8x8xf32>
    %19 = stablehlo.broadcast_in_dim %16, dims = [1] : (tensor<8xf32>) -> tensor<8x8xf32>
    %20 = stablehlo.multiply %18, %19 : tensor<8x8xf32>
    %21 = stablehlo.cosine %20 : tensor<8x8xf32>
    %22 = stablehlo.concatenate %21, %21, dim = 1 : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x16xf32>
    %23 = stablehlo.broadcast_in_dim %22, dims = [0, 2] : (tensor<8x16xf32>) -> tensor<8x2x16xf32>
    %24 = stablehlo.sine %20 : tensor<8x8xf32>
    %25 = stablehlo.concatenate %24, %24, dim = 1 : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x16xf32>
    %26 = stablehlo.broadcast_in_dim %25, dims = [0, 2] : (tensor<8x16xf32>) -> tensor<8x2x16xf32>
    %27 = stablehlo.slice %15 [0:8, 0:2, 0:8] : (tensor<8x2x16xf32>) -> tensor<8x2x8xf32>
    %28 = stablehlo.slice %15 [0:8, 0:2, 8:16] : (tensor<8x2x16xf32>) -> tensor<8x2x8xf32>
    %29 = stablehlo.negate %28 : tensor<8x2x8xf32>
    %30 = stablehlo.concatenate %29, %27, dim = 2 : (tensor<8x2x8xf32>, tensor<8x2x8xf32>) -> tensor<8x2x16xf32>
    %31 = stablehlo.multiply %15, %23 : tensor<8x2x16xf32>
    %32 = stablehlo.multiply %30, %26 : tensor<8x2x16xf32>
    %33 = stablehlo.add %31, %32 : tensor<8x2x16xf32>
    return %33, %3 : tensor<8x2x16xf32>, tensor<8x2x16xf32>
  }
}
