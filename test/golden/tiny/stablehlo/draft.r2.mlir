module @draft_r2 {
  func.func public @main(%target.model.embed_tokens.weight: tensor<256x64xf32>, %target.lm_head.weight: tensor<256x64xf32>, %draft.layers.0.input_layernorm.weight: tensor<64xf32>, %draft.layers.0.self_attn.q_proj.weight: tensor<64x64xf32>, %draft.layers.0.self_attn.k_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.v_proj.weight: tensor<32x64xf32>, %draft.layers.0.self_attn.o_proj.weight: tensor<64x64xf32>, %draft.layers.0.self_attn.q_norm.weight: tensor<16xf32>, %draft.layers.0.self_attn.k_norm.weight: tensor<16xf32>, %draft.layers.0.post_attention_layernorm.weight: tensor<64xf32>, %draft.layers.0.mlp.gate_proj.weight: tensor<128x64xf32>, %draft.layers.0.mlp.up_proj.weight: tensor<128x64xf32>, %draft.layers.0.mlp.down_proj.weight: tensor<64x128xf32>, %draft.norm.weight: tensor<64xf32>, %draft_k: tensor<1x5x256x2x16xf32>, %draft_v: tensor<1x5x256x2x16xf32>, %seq_state: tensor<5x2xi32>, %slots: tensor<2xi32>, %draft_slots: tensor<2xi32>) -> tensor<2x3xi32> {
    %0 = stablehlo.reshape %slots : (tensor<2xi32>) -> tensor<2x1xi32>
    %1 = "stablehlo.gather"(%seq_state, %0) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 2>}> : (tensor<5x2xi32>, tensor<2x1xi32>) -> tensor<2x2xi32>
    %2 = stablehlo.slice %1 [0:2, 1:2] : (tensor<2x2xi32>) -> tensor<2x1xi32>
    %3 = stablehlo.reshape %2 : (tensor<2x1xi32>) -> tensor<2xi32>
    %4 = stablehlo.slice %1 [0:2, 0:1] : (tensor<2x2xi32>) -> tensor<2x1xi32>
    %5 = stablehlo.reshape %4 : (tensor<2x1xi32>) -> tensor<2xi32>
    %6 = stablehlo.reshape %5 : (tensor<2xi32>) -> tensor<2x1xi32>
    %7 = stablehlo.constant dense<255> : tensor<2x3xi32>
    %8 = stablehlo.concatenate %6, %7, dim = 1 : (tensor<2x1xi32>, tensor<2x3xi32>) -> tensor<2x4xi32>
    %9 = stablehlo.broadcast_in_dim %3, dims = [0] : (tensor<2xi32>) -> tensor<2x4xi32>
    %10 = stablehlo.iota dim = 1 : tensor<2x4xi32>
    %11 = stablehlo.add %9, %10 : tensor<2x4xi32>
    %12 = stablehlo.reshape %11 : (tensor<2x4xi32>) -> tensor<8xi32>
    %13 = stablehlo.reshape %8 : (tensor<2x4xi32>) -> tensor<8xi32>
    %14 = stablehlo.reshape %13 : (tensor<8xi32>) -> tensor<8x1xi32>
    %15 = "stablehlo.gather"(%target.model.embed_tokens.weight, %14) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 64>}> : (tensor<256x64xf32>, tensor<8x1xi32>) -> tensor<8x64xf32>
    %16 = stablehlo.constant dense<0> : tensor<2x1xi32>
    %17 = stablehlo.reshape %draft_slots : (tensor<2xi32>) -> tensor<2x1xi32>
    %18 = stablehlo.concatenate %16, %17, dim = 1 : (tensor<2x1xi32>, tensor<2x1xi32>) -> tensor<2x2xi32>
    %19 = "stablehlo.gather"(%draft_k, %18) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 256, 2, 16>}> : (tensor<1x5x256x2x16xf32>, tensor<2x2xi32>) -> tensor<2x256x2x16xf32>
    %20 = stablehlo.constant dense<0> : tensor<2x1xi32>
    %21 = stablehlo.reshape %draft_slots : (tensor<2xi32>) -> tensor<2x1xi32>
    %22 = stablehlo.concatenate %20, %21, dim = 1 : (tensor<2x1xi32>, tensor<2x1xi32>) -> tensor<2x2xi32>
    %23 = "stablehlo.gather"(%draft_v, %22) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 256, 2, 16>}> : (tensor<1x5x256x2x16xf32>, tensor<2x2xi32>) -> tensor<2x256x2x16xf32>
    %24 = func.call @draft_layer(%15, %12, %3, %19, %23, %draft.layers.0.input_layernorm.weight, %draft.layers.0.self_attn.q_proj.weight, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.o_proj.weight, %draft.layers.0.self_attn.q_norm.weight, %draft.layers.0.self_attn.k_norm.weight, %draft.layers.0.post_attention_layernorm.weight, %draft.layers.0.mlp.gate_proj.weight, %draft.layers.0.mlp.up_proj.weight, %draft.layers.0.mlp.down_proj.weight) : (tensor<8x64xf32>, tensor<8xi32>, tensor<2xi32>, tensor<2x256x2x16xf32>, tensor<2x256x2x16xf32>, tensor<64xf32>, tensor<64x64xf32>, tensor<32x64xf32>, tensor<32x64xf32>, tensor<64x64xf32>, tensor<16xf32>, tensor<16xf32>, tensor<64xf32>, tensor<128x64xf32>, tensor<128x64xf32>, tensor<64x128xf32>) -> tensor<8x64xf32>
    %25 = stablehlo.reshape %24 : (tensor<8x64xf32>) -> tensor<2x4x64xf32>
    %26 = stablehlo.slice %25 [0:2, 1:4, 0:64] : (tensor<2x4x64xf32>) -> tensor<2x3x64xf32>
    %27 = stablehlo.reshape %26 : (tensor<2x3x64xf32>) -> tensor<6x64xf32>
    %28 = stablehlo.multiply %27, %27 : tensor<6x64xf32>
    %29 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %30 = stablehlo.reduce(%28 init: %29) applies stablehlo.add across dimensions = [1] : (tensor<6x64xf32>, tensor<f32>) -> tensor<6xf32>
    %31 = stablehlo.constant dense<6.400000e+01> : tensor<6xf32>
    %32 = stablehlo.divide %30, %31 : tensor<6xf32>
    %33 = stablehlo.constant dense<1.000000e-06> : tensor<6xf32>
    %34 = stablehlo.add %32, %33 : tensor<6xf32>
    %35 = stablehlo.rsqrt %34 : tensor<6xf32>
    %36 = stablehlo.broadcast_in_dim %35, dims = [0] : (tensor<6xf32>) -> tensor<6x64xf32>
    %37 = stablehlo.multiply %27, %36 : tensor<6x64xf32>
    %38 = stablehlo.broadcast_in_dim %draft.norm.weight, dims = [1] : (tensor<64xf32>) -> tensor<6x64xf32>
    %39 = stablehlo.multiply %37, %38 : tensor<6x64xf32>
    %40 = stablehlo.dot_general %39, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<6x64xf32>, tensor<256x64xf32>) -> tensor<6x256xf32>
    %41 = stablehlo.iota dim = 1 : tensor<6x256xi32>
    %42 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %43 = stablehlo.constant dense<0> : tensor<i32>
    %44:2 = stablehlo.reduce(%40 init: %42), (%41 init: %43) across dimensions = [1] : (tensor<6x256xf32>, tensor<6x256xi32>, tensor<f32>, tensor<i32>) -> (tensor<6xf32>, tensor<6xi32>)
      reducer(%arg19: tensor<f32>, %arg21: tensor<f32>) (%arg20: tensor<i32>, %arg22: tensor<i32>) {
        %45 = stablehlo.compare  GT, %arg19, %arg21,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %46 = stablehlo.compare  EQ, %arg19, %arg21,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %47 = stablehlo.compare  LT, %arg20, %arg22,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %48 = stablehlo.and %46, %47 : tensor<i1>
        %49 = stablehlo.or %45, %48 : tensor<i1>
        %50 = stablehlo.select %49, %arg19, %arg21 : tensor<i1>, tensor<f32>
        %51 = stablehlo.select %49, %arg20, %arg22 : tensor<i1>, tensor<i32>
        stablehlo.return %50, %51 : tensor<f32>, tensor<i32>
      }
    %52 = stablehlo.reshape %44#1 : (tensor<6xi32>) -> tensor<2x3xi32>
    return %52 : tensor<2x3xi32>
  }
  func.func private @draft_layer(%x: tensor<8x64xf32>, %positions: tensor<8xi32>, %seq_lens: tensor<2xi32>, %k_ctx: tensor<2x256x2x16xf32>, %v_ctx: tensor<2x256x2x16xf32>, %input_layernorm.weight: tensor<64xf32>, %self_attn.q_proj.weight: tensor<64x64xf32>, %self_attn.k_proj.weight: tensor<32x64xf32>, %self_attn.v_proj.weight: tensor<32x64xf32>, %self_attn.o_proj.weight: tensor<64x64xf32>, %self_attn.q_norm.weight: tensor<16xf32>, %self_attn.k_norm.weight: tensor<16xf32>, %post_attention_layernorm.weight: tensor<64xf32>, %mlp.gate_proj.weight: tensor<128x64xf32>, %mlp.up_proj.weight: tensor<128x64xf32>, %mlp.down_proj.weight: tensor<64x128xf32>) -> tensor<8x64xf32> {
    %0 = stablehlo.multiply %x, %x : tensor<8x64xf32>
    %1 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %2 = stablehlo.reduce(%0 init: %1) applies stablehlo.add across dimensions = [1] : (tensor<8x64xf32>, tensor<f32>) -> tensor<8xf32>
    %3 = stablehlo.constant dense<6.400000e+01> : tensor<8xf32>
    %4 = stablehlo.divide %2, %3 : tensor<8xf32>
    %5 = stablehlo.constant dense<1.000000e-06> : tensor<8xf32>
    %6 = stablehlo.add %4, %5 : tensor<8xf32>
    %7 = stablehlo.rsqrt %6 : tensor<8xf32>
    %8 = stablehlo.broadcast_in_dim %7, dims = [0] : (tensor<8xf32>) -> tensor<8x64xf32>
    %9 = stablehlo.multiply %x, %8 : tensor<8x64xf32>
    %10 = stablehlo.broadcast_in_dim %input_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<8x64xf32>
    %11 = stablehlo.multiply %9, %10 : tensor<8x64xf32>
    %12 = stablehlo.dot_general %11, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<64x64xf32>) -> tensor<8x64xf32>
    %13 = stablehlo.reshape %12 : (tensor<8x64xf32>) -> tensor<8x4x16xf32>
    %14 = stablehlo.dot_general %11, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<32x64xf32>) -> tensor<8x32xf32>
    %15 = stablehlo.reshape %14 : (tensor<8x32xf32>) -> tensor<8x2x16xf32>
    %16 = stablehlo.dot_general %11, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<32x64xf32>) -> tensor<8x32xf32>
    %17 = stablehlo.reshape %16 : (tensor<8x32xf32>) -> tensor<8x2x16xf32>
    %18 = stablehlo.multiply %13, %13 : tensor<8x4x16xf32>
    %19 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %20 = stablehlo.reduce(%18 init: %19) applies stablehlo.add across dimensions = [2] : (tensor<8x4x16xf32>, tensor<f32>) -> tensor<8x4xf32>
    %21 = stablehlo.constant dense<1.600000e+01> : tensor<8x4xf32>
    %22 = stablehlo.divide %20, %21 : tensor<8x4xf32>
    %23 = stablehlo.constant dense<1.000000e-06> : tensor<8x4xf32>
    %24 = stablehlo.add %22, %23 : tensor<8x4xf32>
    %25 = stablehlo.rsqrt %24 : tensor<8x4xf32>
    %26 = stablehlo.broadcast_in_dim %25, dims = [0, 1] : (tensor<8x4xf32>) -> tensor<8x4x16xf32>
    %27 = stablehlo.multiply %13, %26 : tensor<8x4x16xf32>
    %28 = stablehlo.broadcast_in_dim %self_attn.q_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<8x4x16xf32>
    %29 = stablehlo.multiply %27, %28 : tensor<8x4x16xf32>
    %30 = stablehlo.multiply %15, %15 : tensor<8x2x16xf32>
    %31 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %32 = stablehlo.reduce(%30 init: %31) applies stablehlo.add across dimensions = [2] : (tensor<8x2x16xf32>, tensor<f32>) -> tensor<8x2xf32>
    %33 = stablehlo.constant dense<1.600000e+01> : tensor<8x2xf32>
    %34 = stablehlo.divide %32, %33 : tensor<8x2xf32>
    %35 = stablehlo.constant dense<1.000000e-06> : tensor<8x2xf32>
    %36 = stablehlo.add %34, %35 : tensor<8x2xf32>
    %37 = stablehlo.rsqrt %36 : tensor<8x2xf32>
    %38 = stablehlo.broadcast_in_dim %37, dims = [0, 1] : (tensor<8x2xf32>) -> tensor<8x2x16xf32>
    %39 = stablehlo.multiply %15, %38 : tensor<8x2x16xf32>
    %40 = stablehlo.broadcast_in_dim %self_attn.k_norm.weight, dims = [2] : (tensor<16xf32>) -> tensor<8x2x16xf32>
    %41 = stablehlo.multiply %39, %40 : tensor<8x2x16xf32>
    %42 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %43 = stablehlo.convert %positions : (tensor<8xi32>) -> tensor<8xf32>
    %44 = stablehlo.broadcast_in_dim %43, dims = [0] : (tensor<8xf32>) -> tensor<8x8xf32>
    %45 = stablehlo.broadcast_in_dim %42, dims = [1] : (tensor<8xf32>) -> tensor<8x8xf32>
    %46 = stablehlo.multiply %44, %45 : tensor<8x8xf32>
    %47 = stablehlo.cosine %46 : tensor<8x8xf32>
    %48 = stablehlo.concatenate %47, %47, dim = 1 : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x16xf32>
    %49 = stablehlo.broadcast_in_dim %48, dims = [0, 2] : (tensor<8x16xf32>) -> tensor<8x4x16xf32>
    %50 = stablehlo.sine %46 : tensor<8x8xf32>
    %51 = stablehlo.concatenate %50, %50, dim = 1 : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x16xf32>
    %52 = stablehlo.broadcast_in_dim %51, dims = [0, 2] : (tensor<8x16xf32>) -> tensor<8x4x16xf32>
    %53 = stablehlo.slice %29 [0:8, 0:4, 0:8] : (tensor<8x4x16xf32>) -> tensor<8x4x8xf32>
    %54 = stablehlo.slice %29 [0:8, 0:4, 8:16] : (tensor<8x4x16xf32>) -> tensor<8x4x8xf32>
    %55 = stablehlo.negate %54 : tensor<8x4x8xf32>
    %56 = stablehlo.concatenate %55, %53, dim = 2 : (tensor<8x4x8xf32>, tensor<8x4x8xf32>) -> tensor<8x4x16xf32>
    %57 = stablehlo.multiply %29, %49 : tensor<8x4x16xf32>
    %58 = stablehlo.multiply %56, %52 : tensor<8x4x16xf32>
    %59 = stablehlo.add %57, %58 : tensor<8x4x16xf32>
    %60 = stablehlo.constant dense<[1.000000e+00, 3.1622776e-01, 1.000000e-01, 3.1622775e-02, 1.000000e-02, 3.1622776e-03, 1.000000e-03, 3.1622776e-04]> : tensor<8xf32>
    %61 = stablehlo.convert %positions : (tensor<8xi32>) -> tensor<8xf32>
    %62 = stablehlo.broadcast_in_dim %61, dims = [0] : (tensor<8xf32>) -> tensor<8x8xf32>
    %63 = stablehlo.broadcast_in_dim %60, dims = [1] : (tensor<8xf32>) -> tensor<8x8xf32>
    %64 = stablehlo.multiply %62, %63 : tensor<8x8xf32>
    %65 = stablehlo.cosine %64 : tensor<8x8xf32>
    %66 = stablehlo.concatenate %65, %65, dim = 1 : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x16xf32>
    %67 = stablehlo.broadcast_in_dim %66, dims = [0, 2] : (tensor<8x16xf32>) -> tensor<8x2x16xf32>
    %68 = stablehlo.sine %64 : tensor<8x8xf32>
    %69 = stablehlo.concatenate %68, %68, dim = 1 : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x16xf32>
    %70 = stablehlo.broadcast_in_dim %69, dims = [0, 2] : (tensor<8x16xf32>) -> tensor<8x2x16xf32>
    %71 = stablehlo.slice %41 [0:8, 0:2, 0:8] : (tensor<8x2x16xf32>) -> tensor<8x2x8xf32>
    %72 = stablehlo.slice %41 [0:8, 0:2, 8:16] : (tensor<8x2x16xf32>) -> tensor<8x2x8xf32>
    %73 = stablehlo.negate %72 : tensor<8x2x8xf32>
    %74 = stablehlo.concatenate %73, %71, dim = 2 : (tensor<8x2x8xf32>, tensor<8x2x8xf32>) -> tensor<8x2x16xf32>
    %75 = stablehlo.multiply %41, %67 : tensor<8x2x16xf32>
    %76 = stablehlo.multiply %74, %70 : tensor<8x2x16xf32>
    %77 = stablehlo.add %75, %76 : tensor<8x2x16xf32>
    %78 = stablehlo.reshape %59 : (tensor<8x4x16xf32>) -> tensor<2x4x4x16xf32>
    %79 = stablehlo.reshape %77 : (tensor<8x2x16xf32>) -> tensor<2x4x2x16xf32>
    %80 = stablehlo.reshape %17 : (tensor<8x2x16xf32>) -> tensor<2x4x2x16xf32>
    %81 = stablehlo.iota dim = 2 : tensor<2x4x260xi32>
    %82 = stablehlo.broadcast_in_dim %seq_lens, dims = [0] : (tensor<2xi32>) -> tensor<2x4x260xi32>
    %83 = stablehlo.compare  LT, %81, %82,  SIGNED : (tensor<2x4x260xi32>, tensor<2x4x260xi32>) -> tensor<2x4x260xi1>
    %84 = stablehlo.constant dense<256> : tensor<2x4x260xi32>
    %85 = stablehlo.compare  GE, %81, %84,  SIGNED : (tensor<2x4x260xi32>, tensor<2x4x260xi32>) -> tensor<2x4x260xi1>
    %86 = stablehlo.or %85, %83 : tensor<2x4x260xi1>
    %87 = stablehlo.concatenate %k_ctx, %79, dim = 1 : (tensor<2x256x2x16xf32>, tensor<2x4x2x16xf32>) -> tensor<2x260x2x16xf32>
    %88 = stablehlo.concatenate %v_ctx, %80, dim = 1 : (tensor<2x256x2x16xf32>, tensor<2x4x2x16xf32>) -> tensor<2x260x2x16xf32>
    %89 = stablehlo.reshape %78 : (tensor<2x4x4x16xf32>) -> tensor<2x4x2x2x16xf32>
    %90 = stablehlo.dot_general %89, %87, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<2x4x2x2x16xf32>, tensor<2x260x2x16xf32>) -> tensor<2x2x4x2x260xf32>
    %91 = stablehlo.constant dense<2.500000e-01> : tensor<2x2x4x2x260xf32>
    %92 = stablehlo.multiply %90, %91 : tensor<2x2x4x2x260xf32>
    %93 = stablehlo.broadcast_in_dim %86, dims = [0, 2, 4] : (tensor<2x4x260xi1>) -> tensor<2x2x4x2x260xi1>
    %94 = stablehlo.constant dense<0xFF800000> : tensor<2x2x4x2x260xf32>
    %95 = stablehlo.select %93, %92, %94 : tensor<2x2x4x2x260xi1>, tensor<2x2x4x2x260xf32>
    %96 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %97 = stablehlo.reduce(%95 init: %96) applies stablehlo.maximum across dimensions = [4] : (tensor<2x2x4x2x260xf32>, tensor<f32>) -> tensor<2x2x4x2xf32>
    %98 = stablehlo.broadcast_in_dim %97, dims = [0, 1, 2, 3] : (tensor<2x2x4x2xf32>) -> tensor<2x2x4x2x260xf32>
    %99 = stablehlo.subtract %95, %98 : tensor<2x2x4x2x260xf32>
    %100 = stablehlo.exponential %99 : tensor<2x2x4x2x260xf32>
    %101 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %102 = stablehlo.reduce(%100 init: %101) applies stablehlo.add across dimensions = [4] : (tensor<2x2x4x2x260xf32>, tensor<f32>) -> tensor<2x2x4x2xf32>
    %103 = stablehlo.broadcast_in_dim %102, dims = [0, 1, 2, 3] : (tensor<2x2x4x2xf32>) -> tensor<2x2x4x2x260xf32>
    %104 = stablehlo.divide %100, %103 : tensor<2x2x4x2x260xf32>
    %105 = stablehlo.dot_general %104, %88, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<2x2x4x2x260xf32>, tensor<2x260x2x16xf32>) -> tensor<2x2x4x2x16xf32>
    %106 = stablehlo.transpose %105, dims = [0, 2, 1, 3, 4] : (tensor<2x2x4x2x16xf32>) -> tensor<2x4x2x2x16xf32>
    %107 = stablehlo.reshape %106 : (tensor<2x4x2x2x16xf32>) -> tensor<2x4x4x16xf32>
    %108 = stablehlo.reshape %107 : (tensor<2x4x4x16xf32>) -> tensor<8x64xf32>
    %109 = stablehlo.dot_general %108, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<64x64xf32>) -> tensor<8x64xf32>
    %110 = stablehlo.add %x, %109 : tensor<8x64xf32>
    %111 = stablehlo.multiply %110, %110 : tensor<8x64xf32>
    %112 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %113 = stablehlo.reduce(%111 init: %112) applies stablehlo.add across dimensions = [1] : (tensor<8x64xf32>, tensor<f32>) -> tensor<8xf32>
    %114 = stablehlo.constant dense<6.400000e+01> : tensor<8xf32>
    %115 = stablehlo.divide %113, %114 : tensor<8xf32>
    %116 = stablehlo.constant dense<1.000000e-06> : tensor<8xf32>
    %117 = stablehlo.add %115, %116 : tensor<8xf32>
    %118 = stablehlo.rsqrt %117 : tensor<8xf32>
    %119 = stablehlo.broadcast_in_dim %118, dims = [0] : (tensor<8xf32>) -> tensor<8x64xf32>
    %120 = stablehlo.multiply %110, %119 : tensor<8x64xf32>
    %121 = stablehlo.broadcast_in_dim %post_attention_layernorm.weight, dims = [1] : (tensor<64xf32>) -> tensor<8x64xf32>
    %122 = stablehlo.multiply %120, %121 : tensor<8x64xf32>
    %123 = stablehlo.dot_general %122, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<128x64xf32>) -> tensor<8x128xf32>
    %124 = stablehlo.dot_general %122, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<8x64xf32>, tensor<128x64xf32>) -> tensor<8x128xf32>
    %125 = stablehlo.logistic %123 : tensor<8x128xf32>
    %126 = stablehlo.multiply %123, %125 : tensor<8x128xf32>
    %127 = stablehlo.multiply %126, %124 : tensor<8x128xf32>
    %128 = stablehlo.dot_general %127, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<8x128xf32>, tensor<64x128xf32>) -> tensor<8x64xf32>
    %129 = stablehlo.add %110, %128 : tensor<8x64xf32>
    return %129 : tensor<8x64xf32>
  }
}
