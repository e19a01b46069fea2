module @target_step_r4 {
  func.func public @main(%target.model.embed_tokens.weight: tensor<256x64xf32>, %target.model.layers.$.input_layernorm.weight: tensor<2x64xf32>, %target.model.layers.$.self_attn.q_proj.weight: tensor<2x64x64xf32>, %target.model.layers.$.self_attn.k_proj.weight: tensor<2x32x64xf32>, %target.model.layers.$.self_attn.v_proj.weight: tensor<2x32x64xf32>, %target.model.layers.$.self_attn.o_proj.weight: tensor<2x64x64xf32>, %target.model.layers.$.self_attn.q_norm.weight: tensor<2x16xf32>, %target.model.layers.$.self_attn.k_norm.weight: tensor<2x16xf32>, %target.model.layers.$.post_attention_layernorm.weight: tensor<2x64xf32>, %target.model.layers.$.mlp.gate_proj.weight: tensor<2x128x64xf32>, %target.model.layers.$.mlp.up_proj.weight: tensor<2x128x64xf32>, %target.model.layers.$.mlp.down_proj.weight: tensor<2x64x128xf32>, %target.model.norm.weight: tensor<64xf32>, %target.lm_head.weight: tensor<256x64xf32>, %target_kv: tensor<2x2x2x64x16x16xf32> {jax.buffer_donor = true}, %seq_state: tensor<5x2xi32> {jax.buffer_donor = true}, %slots: tensor<4xi32>, %block_tables: tensor<4x16xi32>) -> (tensor<4xi32>, tensor<2x2x2x64x16x16xf32>, tensor<5x2xi32>) {
    %0 = stablehlo.reshape %slots : (tensor<4xi32>) -> tensor<4x1xi32>
    %1 = "stablehlo.gather"(%seq_state, %0) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 2>}> : (tensor<5x2xi32>, tensor<4x1xi32>) -> tensor<4x2xi32>
    %2 = stablehlo.slice %1 [0:4, 0:1] : (tensor<4x2xi32>) -> tensor<4x1xi32>
    %3 = stablehlo.reshape %2 : (tensor<4x1xi32>) -> tensor<4xi32>
    %4 = stablehlo.slice %1 [0:4, 1:2] : (tensor<4x2xi32>) -> tensor<4x1xi32>
    %5 = stablehlo.reshape %4 : (tensor<4x1xi32>) -> tensor<4xi32>
    %6 = stablehlo.broadcast_in_dim %5, dims = [0] : (tensor<4xi32>) -> tensor<4x1xi32>
    %7 = stablehlo.iota dim = 1 : tensor<4x1xi32>
    %8 = stablehlo.add %6, %7 : tensor<4x1xi32>
    %9 = stablehlo.iota dim = 0 : tensor<4x1xi32>
    %10 = stablehlo.reshape %9 : (tensor<4x1xi32>) -> tensor<4x1x1xi32>
    %11 = stablehlo.constant dense<16> : tensor<4x1xi32>
    %12 = stablehlo.divide %8, %11 : tensor<4x1xi32>
    %13 = stablehlo.reshape %12 : (tensor<4x1xi32>) -> tensor<4x1x1xi32>
    %14 = stablehlo.concatenate %10, %13, dim = 2 : (tensor<4x1x1xi32>, tensor<4x1x1xi32>) -> tensor<4x1x2xi32>
    %15 = "stablehlo.gather"(%block_tables, %14) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<4x16xi32>, tensor<4x1x2xi32>) -> tensor<4x1xi32>
    %16 = stablehlo.constant dense<16> : tensor<4x1xi32>
    %17 = stablehlo.multiply %15, %16 : tensor<4x1xi32>
    %18 = stablehlo.constant dense<16> : tensor<4x1xi32>
    %19 = stablehlo.remainder %8, %18 : tensor<4x1xi32>
    %20 = stablehlo.add %17, %19 : tensor<4x1xi32>
    %21 = stablehlo.reshape %20 : (tensor<4x1xi32>) -> tensor<4xi32>
    %22 = stablehlo.reshape %3 : (tensor<4xi32>) -> tensor<4x1xi32>
    %23 = "stablehlo.gather"(%target.model.embed_tokens.weight, %22) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 64>}> : (tensor<256x64xf32>, tensor<4x1xi32>) -> tensor<4x64xf32>
    %24 = stablehlo.constant dense<0> : tensor<i32>
    %25:3 = stablehlo.while(%iterArg = %24, %iterArg_0 = %23, %iterArg_1 = %target_kv) : tensor<i32>, tensor<4x64xf32>, tensor<2x2x2x64x16x16xf32>
    cond {
      %26 = stablehlo.constant dense<2> : tensor<i32>
      %27 = stablehlo.compare  LT, %iterArg, %26,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
      stablehlo.return %27 : tensor<i1>
    } do {
      %28 = stablehlo.constant dense<0> : tensor<i32>
      %29 = stablehlo.dynamic_slice %target.model.layers.$.input_layernorm.weight, %iterArg, %28, sizes = [1, 64] : (tensor<2x64xf32>, tensor<i32>, tensor<i32>) -> tensor<1x64xf32>
      %30 = stablehlo.reshape %29 : (tensor<1x64xf32>) -> tensor<64xf32>
      %31 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.q_proj.weight, %iterArg, %28, %28, sizes = [1, 64, 64] : (tensor<2x64x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x64xf32>
      %32 = stablehlo.reshape %31 : (tensor<1x64x64xf32>) -> tensor<64x64xf32>
      %33 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.k_proj.weight, %iterArg, %28, %28, sizes = [1, 32, 64] : (tensor<2x32x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x32x64xf32>
      %34 = stablehlo.reshape %33 : (tensor<1x32x64xf32>) -> tensor<32x64xf32>
      %35 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.v_proj.weight, %iterArg, %28, %28, sizes = [1, 32, 64] : (tensor<2x32x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x32x64xf32>
      %36 = stablehlo.reshape %35 : (tensor<1x32x64xf32>) -> tensor<32x64xf32>
      %37 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.o_proj.weight, %iterArg, %28, %28, sizes = [1, 64, 64] : (tensor<2x64x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x64xf32>
      %38 = stablehlo.reshape %37 : (tensor<1x64x64xf32>) -> tensor<64x64xf32>
      %39 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.q_norm.weight, %iterArg, %28, sizes = [1, 16] : (tensor<2x16xf32>, tensor<i32>, tensor<i32>) -> tensor<1x16xf32>
      %40 = stablehlo.reshape %39 : (tensor<1x16xf32>) -> tensor<16xf32>
      %41 = stablehlo.dynamic_slice %target.model.layers.$.self_attn.k_norm.weight, %iterArg, %28, sizes = [1, 16] : (tensor<2x16xf32>, tensor<i32>, tensor<i32>) -> tensor<1x16xf32>
      %42 = stablehlo.reshape %41 : (tensor<1x16xf32>) -> tensor<16xf32>
      %43 = stablehlo.dynamic_slice %target.model.layers.$.post_attention_layernorm.weight, %iterArg, %28, sizes = [1, 64] : (tensor<2x64xf32>, tensor<i32>, tensor<i32>) -> tensor<1x64xf32>
      %44 = stablehlo.reshape %43 : (tensor<1x64xf32>) -> tensor<64xf32>
      %45 = stablehlo.dynamic_slice %target.model.layers.$.mlp.gate_proj.weight, %iterArg, %28, %28, sizes = [1, 128, 64] : (tensor<2x128x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x128x64xf32>
      %46 = stablehlo.reshape %45 : (tensor<1x128x64xf32>) -> tensor<128x64xf32>
      %47 = stablehlo.dynamic_slice %target.model.layers.$.mlp.up_proj.weight, %iterArg, %28, %28, sizes = [1, 128, 64] : (tensor<2x128x64xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x128x64xf32>
      %48 = stablehlo.reshape %47 : (tensor<1x128x64xf32>) -> tensor<128x64xf32>
      %49 = stablehlo.dynamic_slice %target.model.layers.$.mlp.down_proj.weight, %iterArg, %28, %28, sizes = [1, 64, 128] : (tensor<2x64x128xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x64x128xf32>
      %50 = stablehlo.reshape %49 : (tensor<1x64x128xf32>) -> tensor<64x128xf32>
      %51:2 = func.call @target_layer(%iterArg_0, %iterArg_1, %8, %block_tables, %21, %iterArg, %30, %32, %34, %36, %38, %40, %42, %44, %46, %48, %50) : (tensor<4x64xf32>, tensor<2x2x2x64x16x16xf32>, tensor<4x1xi32>, tensor<4x16xi32>, tensor<4xi32>, tensor<i32>, tensor<64xf32>, tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<64x64xf32>, tensor<16xf32>, tensor<16xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128x64xf32>, tensor<64x128xf32>) -> (tensor<4x64xf32>, tensor<2x2x2x64x16x16xf32>)
      %52 = stablehlo.constant dense<1> : tensor<i32>
      %53 = stablehlo.add %iterArg, %52 : tensor<i32>
      stablehlo.return %53, %51#0, %51#1 : tensor<i32>, tensor<4x64xf32>, tensor<2x2x2x64x16x16xf32>
    }
    %54 = stablehlo.multiply %25#1, %25#1 : tensor<4x64xf32>
    %55 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %56 = stablehlo.reduce(%54 init: %55) applies stablehlo.add across dimensions = [1] : (tensor<4x64xf32>, tensor<f32>) -> tensor<4xf32>
    %57 = stablehlo.constant dense<6.400000e+01> : tensor<4xf32>
    %58 = stablehlo.divide %56, %57 : tensor<4xf32>
    %59 = stablehlo.constant dense<1.000000e-06> : tensor<4xf32>
    %60 = stablehlo.add %58, %59 : tensor<4xf32>
    %61 = stablehlo.rsqrt %60 : tensor<4xf32>
    %62 = stablehlo.broadcast_in_dim %61, dims = [0] : (tensor<4xf32>) -> tensor<4x64xf32>
    %63 = stablehlo.multiply %25#1, %62 : tensor<4x64xf32>
    %64 = stablehlo.broadcast_in_dim %target.model.norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<4x64xf32>
    %65 = stablehlo.multiply %63, %64 : tensor<4x64xf32>
    %66 = stablehlo.dot_general %65, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<4x64xf32>, tensor<256x64xf32>) -> tensor<4x256xf32>
    %67 = stablehlo.iota dim = 1 : tensor<4x256xi32>
    %68 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %69 = stablehlo.constant dense<0> : tensor<i32>
    %70:2 = stablehlo.reduce(%66 init: %68), (%67 init: %69) across dimensions = [1] : (tensor<4x256xf32>, tensor<4x256xi32>, tensor<f32>, tensor<i32>) -> (tensor<4xf32>, tensor<4xi32>)
      reducer(%arg18: tensor<f32>, %arg20: tensor<f32>) (%arg19: tensor<i32>, %arg21: tensor<i32>) {
        %71 = stablehlo.compare  GT, %arg18, %arg20,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %72 = stablehlo.compare  EQ, %arg18, %arg20,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %73 = stablehlo.compare  LT, %arg19, %arg21,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %74 = stablehlo.and %72, %73 : tensor<i1>
        %75 = stablehlo.or %71, %74 : tensor<i1>
        %76 = stablehlo.select %75, %arg18, %arg20 : tensor<i1>, tensor<f32>
        %77 = stablehlo.select %75, %arg19, %arg21 : tensor<i1>, tensor<i32>
        stablehlo.return %76, %77 : tensor<f32>, tensor<i32>
      }
    %78 = stablehlo.reshape %70#1 : (tensor<4xi32>) -> tensor<4x1xi32>
    %79 = stablehlo.constant dense<0> : tensor<4xi32>
    %80 = stablehlo.slice %1 [0:4, 1:2] : (tensor<4x2xi32>) -> tensor<4x1xi32>
    %81 = stablehlo.reshape %80 : (tensor<4x1xi32>) -> tensor<4xi32>
    %82 = stablehlo.iota dim = 0 : tensor<4xi32>
    %83 = stablehlo.reshape %82 : (tensor<4xi32>) -> tensor<4x1xi32>
    %84 = stablehlo.reshape %79 : (tensor<4xi32>) -> tensor<4x1xi32>
    %85 = stablehlo.concatenate %83, %84, dim = 1 : (tensor<4x1xi32>, tensor<4x1xi32>) -> tensor<4x2xi32>
    %86 = "stablehlo.gather"(%78, %85) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<4x1xi32>, tensor<4x2xi32>) -> tensor<4xi32>
    %87 = stablehlo.constant dense<1> : tensor<4xi32>
    %88 = stablehlo.add %81, %87 : tensor<4xi32>
    %89 = stablehlo.add %88, %79 : tensor<4xi32>
    %90 = stablehlo.reshape %86 : (tensor<4xi32>) -> tensor<4x1xi32>
    %91 = stablehlo.reshape %89 : (tensor<4xi32>) -> tensor<4x1xi32>
    %92 = stablehlo.concatenate %90, %91, dim = 1 : (tensor<4x1xi32>, tensor<4x1xi32>) -> tensor<4x2xi32>
    %93 = stablehlo.reshape %slots : (tensor<4xi32>) -> tensor<4x1xi32>
    %94 = "stablehlo.scatter"(%seq_state, %93, %92) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg22: tensor<i32>, %arg23: tensor<i32>):
      stablehlo.return %arg23 : tensor<i32>
    }) : (tensor<5x2xi32>, tensor<4x1xi32>, tensor<4x2xi32>) -> tensor<5x2xi32>
    return %70#1, %25#2, %94 : tensor<4xi32>, tensor<2x2x2x64x16x16xf32>, tensor<5x2xi32>
  }
  func.func private @target_layer(%x: tensor<4x64xf32>, %target_kv: tensor<2x2x2x64x16x16xf32>, %positions: tensor<4x1xi32>, %tables: tensor<4x16xi32>, %rows: tensor<4xi32>, %layer: tensor<i32>, %input_layernorm.weight: tensor<64xf32>, %self_attn.q_proj.weight: tensor<64x64xf32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.o_proj.weight: tensor<64x64xf32>, %self_attn.q_norm.weight: tensor<16xf32>, %self_attn.k_norm.weight: tensor<16xf32>, %post_attention_layernorm.weight: tensor<64xf32>, %mlp.gate_proj.weight: tensor<128x64xf32>, %mlp.up_proj.weight: tensor<128x64xf32>, %mlp.down_proj.weight: tensor<64x128xf32>) -> (tensor<4x64xf32>, tensor<2x2x2x64x16x16xf32>) {
    %0 = stablehlo.reshape %positions : (tensor<4x1xi32>) -> tensor<4xi32>
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
    %88 = stablehlo.reshape %60 : (tensor<4x4x16xf32>) -> tensor<4x1x4x16xf32>
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
    %103 = stablehlo.iota dim = 2 : tensor<4x1x256xi32>
    %104 = stablehlo.broadcast_in_dim %positions, dims = [0, 1] : (tensor<4x1xi32>) -> tensor<4x1x256xi32>
    %105 = stablehlo.compare  LE, %103, %104,  SIGNED : (tensor<4x1x256xi32>, tensor<4x1x256xi32>) -> tensor<4x1x256xi1>
    %106 = stablehlo.reshape %88 : (tensor<4x1x4x16xf32>) -> tensor<4x1x2x2x16xf32>
    %107 = stablehlo.dot_general %106, %95, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<4x1x2x2x16xf32>, tensor<4x256x2x16xf32>) -> tensor<4x2x1x2x256xf32>
    %108 = stablehlo.constant dense<2.500000e-01> : tensor<4x2x1x2x256xf32>
    %109 = stablehlo.multiply %107, %108 : tensor<4x2x1x2x256xf32>
    %110 = stablehlo.broadcast_in_dim %105, dims = [0, 2, 4] : (tensor<4x1x256xi1>) -> tensor<4x2x1x2x256xi1>
    %111 = stablehlo.constant dense<0xFF800000> : tensor<4x2x1x2x256xf32>
    %112 = stablehlo.select %110, %109, %111 : tensor<4x2x1x2x256xi1>, tensor<4x2x1x2x256xf32>
    %113 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %114 = stablehlo.reduce(%112 init: %113) applies stablehlo.maximum across dimensions = [4] : (tensor<4x2x1x2x256xf32>, tensor<f32>) -> tensor<4x2x1x2xf32>
    %115 = stablehlo.broadcast_in_dim %114, dims = [0, 1, 2, 3] : (tensor<4x2x1x2xf32>) -> tensor<4x2x1x2x256xf32>
    %116 = stablehlo.subtract %112, %115 : tensor<4x2x1x2x256xf32>
    %117 = stablehlo.exponential %116 : tensor<4x2x1x2x256xf32>
    %118 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %119 = stablehlo.reduce(%117 init: %118) applies stablehlo.add across dimensions = [4] : (tensor<4x2x1x2x256xf32>, tensor<f32>) -> tensor<4x2x1x2xf32>
    %120 = stablehlo.broadcast_in_dim %119, dims = [0, 1, 2, 3] : (tensor<4x2x1x2xf32>) -> tensor<4x2x1x2x256xf32>
    %121 = stablehlo.divide %117, %120 : tensor<4x2x1x2x256xf32>
    %122 = stablehlo.dot_general %121, %102, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<4x2x1x2x256xf32>, tensor<4x256x2x16xf32>) -> tensor<4x2x1x2x16xf32>
    %123 = stablehlo.transpose %122, dims = [0, 2, 1, 3, 4] : (tensor<4x2x1x2x16xf32>) -> tensor<4x1x2x2x16xf32>
    %124 = stablehlo.reshape %123 : (tensor<4x1x2x2x16xf32>) -> tensor<4x1x4x16xf32>
    %125 = stablehlo.reshape %124 : (tensor<4x1x4x16xf32>) -> tensor<4x64xf32>
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
}
