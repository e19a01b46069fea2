module @draft_r1 {
  func.func public @main(%target.model.embed_tokens.weight: tensor<151936x4096xbf16>, %target.lm_head.weight: tensor<151936x4096xbf16>, %draft.layers.0.input_layernorm.weight: tensor<4096xbf16>, %draft.layers.0.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %draft.layers.0.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.0.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.0.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %draft.layers.0.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.0.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.0.post_attention_layernorm.weight: tensor<4096xbf16>, %draft.layers.0.mlp.gate_proj.weight: tensor<12288x4096xbf16>, %draft.layers.0.mlp.up_proj.weight: tensor<12288x4096xbf16>, %draft.layers.0.mlp.down_proj.weight: tensor<4096x12288xbf16>, %draft.layers.1.input_layernorm.weight: tensor<4096xbf16>, %draft.layers.1.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %draft.layers.1.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.1.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.1.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %draft.layers.1.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.1.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.1.post_attention_layernorm.weight: tensor<4096xbf16>, %draft.layers.1.mlp.gate_proj.weight: tensor<12288x4096xbf16>, %draft.layers.1.mlp.up_proj.weight: tensor<12288x4096xbf16>, %draft.layers.1.mlp.down_proj.weight: tensor<4096x12288xbf16>, %draft.layers.2.input_layernorm.weight: tensor<4096xbf16>, %draft.layers.2.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %draft.layers.2.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.2.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.2.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %draft.layers.2.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.2.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.2.post_attention_layernorm.weight: tensor<4096xbf16>, %draft.layers.2.mlp.gate_proj.weight: tensor<12288x4096xbf16>, %draft.layers.2.mlp.up_proj.weight: tensor<12288x4096xbf16>, %draft.layers.2.mlp.down_proj.weight: tensor<4096x12288xbf16>, %draft.layers.3.input_layernorm.weight: tensor<4096xbf16>, %draft.layers.3.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %draft.layers.3.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.3.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.3.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %draft.layers.3.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.3.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.3.post_attention_layernorm.weight: tensor<4096xbf16>, %draft.layers.3.mlp.gate_proj.weight: tensor<12288x4096xbf16>, %draft.layers.3.mlp.up_proj.weight: tensor<12288x4096xbf16>, %draft.layers.3.mlp.down_proj.weight: tensor<4096x12288xbf16>, %draft.layers.4.input_layernorm.weight: tensor<4096xbf16>, %draft.layers.4.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %draft.layers.4.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.4.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.4.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %draft.layers.4.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.4.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.4.post_attention_layernorm.weight: tensor<4096xbf16>, %draft.layers.4.mlp.gate_proj.weight: tensor<12288x4096xbf16>, %draft.layers.4.mlp.up_proj.weight: tensor<12288x4096xbf16>, %draft.layers.4.mlp.down_proj.weight: tensor<4096x12288xbf16>, %draft.norm.weight: tensor<4096xbf16>, %draft_k: tensor<5x65x8320x8x128xbf16>, %draft_v: tensor<5x65x8320x8x128xbf16>, %last_tokens: tensor<1xi32>, %seq_lens: tensor<1xi32>, %draft_slots: tensor<1xi32>) -> tensor<1x15xi32> {
    %0 = stablehlo.reshape %last_tokens : (tensor<1xi32>) -> tensor<1x1xi32>
    %1 = stablehlo.constant dense<151669> : tensor<1x15xi32>
    %2 = stablehlo.concatenate %0, %1, dim = 1 : (tensor<1x1xi32>, tensor<1x15xi32>) -> tensor<1x16xi32>
    %3 = stablehlo.broadcast_in_dim %seq_lens, dims = [0] : (tensor<1xi32>) -> tensor<1x16xi32>
    %4 = stablehlo.iota dim = 1 : tensor<1x16xi32>
    %5 = stablehlo.add %3, %4 : tensor<1x16xi32>
    %6 = stablehlo.reshape %5 : (tensor<1x16xi32>) -> tensor<16xi32>
    %7 = stablehlo.reshape %2 : (tensor<1x16xi32>) -> tensor<16xi32>
    %8 = stablehlo.reshape %7 : (tensor<16xi32>) -> tensor<16x1xi32>
    %9 = "stablehlo.gather"(%target.model.embed_tokens.weight, %8) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 4096>}> : (tensor<151936x4096xbf16>, tensor<16x1xi32>) -> tensor<16x4096xbf16>
    %10 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %11 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %12 = stablehlo.concatenate %10, %11, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %13 = "stablehlo.gather"(%draft_k, %12) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %14 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %15 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %16 = stablehlo.concatenate %14, %15, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %17 = "stablehlo.gather"(%draft_v, %16) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %18 = func.call @draft_layer(%9, %6, %seq_lens, %13, %17, %draft.layers.0.input_layernorm.weight, %draft.layers.0.self_attn.q_proj.weight, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.o_proj.weight, %draft.layers.0.self_attn.q_norm.weight, %draft.layers.0.self_attn.k_norm.weight, %draft.layers.0.post_attention_layernorm.weight, %draft.layers.0.mlp.gate_proj.weight, %draft.layers.0.mlp.up_proj.weight, %draft.layers.0.mlp.down_proj.weight) : (tensor<16x4096xbf16>, tensor<16xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<4096xbf16>, tensor<12288x4096xbf16>, tensor<12288x4096xbf16>, tensor<4096x12288xbf16>) -> tensor<16x4096xbf16>
    %19 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %20 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %21 = stablehlo.concatenate %19, %20, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %22 = "stablehlo.gather"(%draft_k, %21) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %23 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %24 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %25 = stablehlo.concatenate %23, %24, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %26 = "stablehlo.gather"(%draft_v, %25) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %27 = func.call @draft_layer(%18, %6, %seq_lens, %22, %26, %draft.layers.1.input_layernorm.weight, %draft.layers.1.self_attn.q_proj.weight, %draft.layers.1.self_attn.k_proj.weight, %draft.layers.1.self_attn.v_proj.weight, %draft.layers.1.self_attn.o_proj.weight, %draft.layers.1.self_attn.q_norm.weight, %draft.layers.1.self_attn.k_norm.weight, %draft.layers.1.post_attention_layernorm.weight, %draft.layers.1.mlp.gate_proj.weight, %draft.layers.1.mlp.up_proj.weight, %draft.layers.1.mlp.down_proj.weight) : (tensor<16x4096xbf16>, tensor<16xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<4096xbf16>, tensor<12288x4096xbf16>, tensor<12288x4096xbf16>, tensor<4096x12288xbf16>) -> tensor<16x4096xbf16>
    %28 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %29 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %30 = stablehlo.concatenate %28, %29, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %31 = "stablehlo.gather"(%draft_k, %30) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %32 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %33 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %34 = stablehlo.concatenate %32, %33, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %35 = "stablehlo.gather"(%draft_v, %34) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %36 = func.call @draft_layer(%27, %6, %seq_lens, %31, %35, %draft.layers.2.input_layernorm.weight, %draft.layers.2.self_attn.q_proj.weight, %draft.layers.2.self_attn.k_proj.weight, %draft.layers.2.self_attn.v_proj.weight, %draft.layers.2.self_attn.o_proj.weight, %draft.layers.2.self_attn.q_norm.weight, %draft.layers.2.self_attn.k_norm.weight, %draft.layers.2.post_attention_layernorm.weight, %draft.layers.2.mlp.gate_proj.weight, %draft.layers.2.mlp.up_proj.weight, %draft.layers.2.mlp.down_proj.weight) : (tensor<16x4096xbf16>, tensor<16xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<4096xbf16>, tensor<12288x4096xbf16>, tensor<12288x4096xbf16>, tensor<4096x12288xbf16>) -> tensor<16x4096xbf16>
    %37 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %38 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %39 = stablehlo.concatenate %37, %38, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %40 = "stablehlo.gather"(%draft_k, %39) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %41 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %42 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %43 = stablehlo.concatenate %41, %42, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %44 = "stablehlo.gather"(%draft_v, %43) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %45 = func.call @draft_layer(%36, %6, %seq_lens, %40, %44, %draft.layers.3.input_layernorm.weight, %draft.layers.3.self_attn.q_proj.weight, %draft.layers.3.self_attn.k_proj.weight, %draft.layers.3.self_attn.v_proj.weight, %draft.layers.3.self_attn.o_proj.weight, %draft.layers.3.self_attn.q_norm.weight, %draft.layers.3.self_attn.k_norm.weight, %draft.layers.3.post_attention_layernorm.weight, %draft.layers.3.mlp.gate_proj.weight, %draft.layers.3.mlp.up_proj.weight, %draft.layers.3.mlp.down_proj.weight) : (tensor<16x4096xbf16>, tensor<16xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<4096xbf16>, tensor<12288x4096xbf16>, tensor<12288x4096xbf16>, tensor<4096x12288xbf16>) -> tensor<16x4096xbf16>
    %46 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %47 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %48 = stablehlo.concatenate %46, %47, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %49 = "stablehlo.gather"(%draft_k, %48) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %50 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %51 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %52 = stablehlo.concatenate %50, %51, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %53 = "stablehlo.gather"(%draft_v, %52) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %54 = func.call @draft_layer(%45, %6, %seq_lens, %49, %53, %draft.layers.4.input_layernorm.weight, %draft.layers.4.self_attn.q_proj.weight, %draft.layers.4.self_attn.k_proj.weight, %draft.layers.4.self_attn.v_proj.weight, %draft.layers.4.self_attn.o_proj.weight, %draft.layers.4.self_attn.q_norm.weight, %draft.layers.4.self_attn.k_norm.weight, %draft.layers.4.post_attention_layernorm.weight, %draft.layers.4.mlp.gate_proj.weight, %draft.layers.4.mlp.up_proj.weight, %draft.layers.4.mlp.down_proj.weight) : (tensor<16x4096xbf16>, tensor<16xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<4096xbf16>, tensor<12288x4096xbf16>, tensor<12288x4096xbf16>, tensor<4096x12288xbf16>) -> tensor<16x4096xbf16>
    %55 = stablehlo.reshape %54 : (tensor<16x4096xbf16>) -> tensor<1x16x4096xbf16>
    %56 = stablehlo.slice %55 [0:1, 1:16, 0:4096] : (tensor<1x16x4096xbf16>) -> tensor<1x15x4096xbf16>
    %57 = stablehlo.reshape %56 : (tensor<1x15x4096xbf16>) -> tensor<15x4096xbf16>
    %58 = stablehlo.convert %57 : (tensor<15x4096xbf16>) -> tensor<15x4096xf32>
    %59 = stablehlo.multiply %58, %58 : tensor<15x4096xf32>
    %60 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %61 = stablehlo.reduce(%59 init: %60) applies stablehlo.add across dimensions = [1] : (tensor<15x4096xf32>, tensor<f32>) -> tensor<15xf32>
    %62 = stablehlo.constant dense<4.096000e+03> : tensor<15xf32>
    %63 = stablehlo.divide %61, %62 : tensor<15xf32>
    %64 = stablehlo.constant dense<1.000000e-06> : tensor<15xf32>
    %65 = stablehlo.add %63, %64 : tensor<15xf32>
    %66 = stablehlo.rsqrt %65 : tensor<15xf32>
    %67 = stablehlo.broadcast_in_dim %66, dims = [0] : (tensor<15xf32>) -> tensor<15x4096xf32>
    %68 = stablehlo.multiply %58, %67 : tensor<15x4096xf32>
    %69 = stablehlo.convert %draft.norm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %70 = stablehlo.broadcast_in_dim %69, dims = [1] : (tensor<4096xf32>) -> tensor<15x4096xf32>
    %71 = stablehlo.multiply %68, %70 : tensor<15x4096xf32>
    %72 = stablehlo.convert %71 : (tensor<15x4096xf32>) -> tensor<15x4096xbf16>
    %73 = stablehlo.dot_general %72, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<15x4096xbf16>, tensor<151936x4096xbf16>) -> tensor<15x151936xf32>
    %74 = stablehlo.iota dim = 1 : tensor<15x151936xi32>
    %75 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %76 = stablehlo.constant dense<0> : tensor<i32>
    %77:2 = stablehlo.reduce(%73 init: %75), (%74 init: %76) across dimensions = [1] : (tensor<15x151936xf32>, tensor<15x151936xi32>, tensor<f32>, tensor<i32>) -> (tensor<15xf32>, tensor<15xi32>)
      reducer(%arg63: tensor<f32>, %arg65: tensor<f32>) (%arg64: tensor<i32>, %arg66: tensor<i32>) {
        %78 = stablehlo.compare  GT, %arg63, %arg65,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %79 = stablehlo.compare  EQ, %arg63, %arg65,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %80 = stablehlo.compare  LT, %arg64, %arg66,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %81 = stablehlo.and %79, %80 : tensor<i1>
        %82 = stablehlo.or %78, %81 : tensor<i1>
        %83 = stablehlo.select %82, %arg63, %arg65 : tensor<i1>, tensor<f32>
        %84 = stablehlo.select %82, %arg64, %arg66 : tensor<i1>, tensor<i32>
        stablehlo.return %83, %84 : tensor<f32>, tensor<i32>
      }
    %85 = stablehlo.reshape %77#1 : (tensor<15xi32>) -> tensor<1x15xi32>
    return %85 : tensor<1x15xi32>
  }
  func.func private @draft_layer(%x: tensor<16x4096xbf16>, %positions: tensor<16xi32>, %seq_lens: tensor<1xi32>, %k_ctx: tensor<1x8320x8x128xbf16>, %v_ctx: tensor<1x8320x8x128xbf16>, %input_layernorm.weight: tensor<4096xbf16>, %self_attn.q_proj.weight: tensor<4096x4096xbf16>, %self_attn.k_proj.weight: tensor<1024x4096xbf16>, %self_attn.v_proj.weight: tensor<1024x4096xbf16>, %self_attn.o_proj.weight: tensor<4096x4096xbf16>, %self_attn.q_norm.weight: tensor<128xbf16>, %self_attn.k_norm.weight: tensor<128xbf16>, %post_attention_layernorm.weight: tensor<4096xbf16>, %mlp.gate_proj.weight: tensor<12288x4096xbf16>, %mlp.up_proj.weight: tensor<12288x4096xbf16>, %mlp.down_proj.weight: tensor<4096x12288xbf16>) -> tensor<16x4096xbf16> {
    %0 = stablehlo.convert %x : (tensor<16x4096xbf16>) -> tensor<16x4096xf32>
    %1 = stablehlo.multiply %0, %0 : tensor<16x4096xf32>
    %2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %3 = stablehlo.reduce(%1 init: %2) applies stablehlo.add across dimensions = [1] : (tensor<16x4096xf32>, tensor<f32>) -> tensor<16xf32>
    %4 = stablehlo.constant dense<4.096000e+03> : tensor<16xf32>
    %5 = stablehlo.divide %3, %4 : tensor<16xf32>
    %6 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %7 = stablehlo.add %5, %6 : tensor<16xf32>
    %8 = stablehlo.rsqrt %7 : tensor<16xf32>
    %9 = stablehlo.broadcast_in_dim %8, dims = [0] : (tensor<16xf32>) -> tensor<16x4096xf32>
    %10 = stablehlo.multiply %0, %9 : tensor<16x4096xf32>
    %11 = stablehlo.convert %input_layernorm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [1] : (tensor<4096xf32>) -> tensor<16x4096xf32>
    %13 = stablehlo.multiply %10, %12 : tensor<16x4096xf32>
    %14 = stablehlo.convert %13 : (tensor<16x4096xf32>) -> tensor<16x4096xbf16>
    %15 = stablehlo.dot_general %14, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<16x4096xbf16>, tensor<4096x4096xbf16>) -> tensor<16x4096xf32>
    %16 = stablehlo.convert %15 : (tensor<16x4096xf32>) -> tensor<16x4096xbf16>
    %17 = stablehlo.reshape %16 : (tensor<16x4096xbf16>) -> tensor<16x32x128xbf16>
    %18 = stablehlo.dot_general %14, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<16x4096xbf16>, tensor<1024x4096xbf16>) -> tensor<16x1024xf32>
    %19 = stablehlo.convert %18 : (tensor<16x1024xf32>) -> tensor<16x1024xbf16>
    %20 = stablehlo.reshape %19 : (tensor<16x1024xbf16>) -> tensor<16x8x128xbf16>
    %21 = stablehlo.dot_general %14, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<16x4096xbf16>, tensor<1024x4096xbf16>) -> tensor<16x1024xf32>
    %22 = stablehlo.convert %21 : (tensor<16x1024xf32>) -> tensor<16x1024xbf16>
    %23 = stablehlo.reshape %22 : (tensor<16x1024xbf16>) -> tensor<16x8x128xbf16>
    %24 = stablehlo.convert %17 : (tensor<16x32x128xbf16>) -> tensor<16x32x128xf32>
    %25 = stablehlo.multiply %24, %24 : tensor<16x32x128xf32>
    %26 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %27 = stablehlo.reduce(%25 init: %26) applies stablehlo.add across dimensions = [2] : (tensor<16x32x128xf32>, tensor<f32>) -> tensor<16x32xf32>
    %28 = stablehlo.constant dense<1.280000e+02> : tensor<16x32xf32>
    %29 = stablehlo.divide %27, %28 : tensor<16x32xf32>
    %30 = stablehlo.constant dense<1.000000e-06> : tensor<16x32xf32>
    %31 = stablehlo.add %29, %30 : tensor<16x32xf32>
    %32 = stablehlo.rsqrt %31 : tensor<16x32xf32>
    %33 = stablehlo.broadcast_in_dim %32, dims = [0, 1] : (tensor<16x32xf32>) -> tensor<16x32x128xf32>
    %34 = stablehlo.multiply %24, %33 : tensor<16x32x128xf32>
    %35 = stablehlo.convert %self_attn.q_norm.weight : (tensor<128xbf16>) -> tensor<128xf32>
    %36 = stablehlo.broadcast_in_dim %35, dims = [2] : (tensor<128xf32>) -> tensor<16x32x128xf32>
    %37 = stablehlo.multiply %34, %36 : tensor<16x32x128xf32>
    %38 = stablehlo.convert %37 : (tensor<16x32x128xf32>) -> tensor<16x32x128xbf16>
    %39 = stablehlo.convert %20 : (tensor<16x8x128xbf16>) -> tensor<16x8x128xf32>
    %40 = stablehlo.multiply %39, %39 : tensor<16x8x128xf32>
    %41 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %42 = stablehlo.reduce(%40 init: %41) applies stablehlo.add across dimensions = [2] : (tensor<16x8x128xf32>, tensor<f32>) -> tensor<16x8xf32>
    %43 = stablehlo.constant dense<1.280000e+02> : tensor<16x8xf32>
    %44 = stablehlo.divide %42, %43 : tensor<16x8xf32>
    %45 = stablehlo.constant dense<1.000000e-06> : tensor<16x8xf32>
    %46 = stablehlo.add %44, %45 : tensor<16x8xf32>
    %47 = stablehlo.rsqrt %46 : tensor<16x8xf32>
    %48 = stablehlo.broadcast_in_dim %47, dims = [0, 1] : (tensor<16x8xf32>) -> tensor<16x8x128xf32>
    %49 = stablehlo.multiply %39, %48 : tensor<16x8x128xf32>
    %50 = stablehlo.convert %self_attn.k_norm.weight : (tensor<128xbf16>) -> tensor<128xf32>
    %51 = stablehlo.broadcast_in_dim %50, dims = [2] : (tensor<128xf32>) -> tensor<16x8x128xf32>
    %52 = stablehlo.multiply %49, %51 : tensor<16x8x128xf32>
    %53 = stablehlo.convert %52 : (tensor<16x8x128xf32>) -> tensor<16x8x128xbf16>
    %54 = stablehlo.constant dense<[1.000000e+00, 8.0584216e-01, 6.4938164e-01, 5.232991e-01, 4.216965e-01, 3.3982083e-01, 2.7384198e-01, 2.2067341e-01, 1.7782794e-01, 1.4330126e-01, 1.15478195e-01, 9.305721e-02, 7.498942e-02, 6.042964e-02, 4.8696753e-02, 3.924190e-02, 3.1622775e-02, 2.5482967e-02, 2.0535251e-02, 1.6548172e-02, 1.3335214e-02, 1.0746079e-02, 8.659643e-03, 6.978306e-03, 5.6234132e-03, 4.5315837e-03, 3.6517412e-03, 2.9427272e-03, 2.3713738e-03, 1.910953e-03, 1.5399265e-03, 1.2409377e-03, 1.000000e-03, 8.0584217e-04, 6.493816e-04, 5.232991e-04, 4.2169652e-04, 3.3982084e-04, 2.7384196e-04, 2.206734e-04, 1.7782794e-04, 1.4330125e-04, 1.154782e-04, 9.3057206e-05, 7.4989424e-05, 6.042964e-05, 4.869675e-05, 3.924190e-05, 3.1622778e-05, 2.5482968e-05, 2.053525e-05, 1.654817e-05, 1.3335214e-05, 1.0746078e-05, 8.659643e-06, 6.978306e-06, 5.6234135e-06, 4.5315837e-06, 3.6517413e-06, 2.9427272e-06, 2.3713737e-06, 1.910953e-06, 1.5399265e-06, 1.2409378e-06]> : tensor<64xf32>
    %55 = stablehlo.convert %positions : (tensor<16xi32>) -> tensor<16xf32>
    %56 = stablehlo.broadcast_in_dim %55, dims = [0] : (tensor<16xf32>) -> tensor<16x64xf32>
    %57 = stablehlo.broadcast_in_dim %54, dims = [1] : (tensor<64xf32>) -> tensor<16x64xf32>
    %58 = stablehlo.multiply %56, %57 : tensor<16x64xf32>
    %59 = stablehlo.cosine %58 : tensor<16x64xf32>
    %60 = stablehlo.concatenate %59, %59, dim = 1 : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x128xf32>
    %61 = stablehlo.broadcast_in_dim %60, dims = [0, 2] : (tensor<16x128xf32>) -> tensor<16x32x128xf32>
    %62 = stablehlo.sine %58 : tensor<16x64xf32>
    %63 = stablehlo.concatenate %62, %62, dim = 1 : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x128xf32>
    %64 = stablehlo.broadcast_in_dim %63, dims = [0, 2] : (tensor<16x128xf32>) -> tensor<16x32x128xf32>
    %65 = stablehlo.convert %38 : (tensor<16x32x128xbf16>) -> tensor<16x32x128xf32>
    %66 = stablehlo.slice %65 [0:16, 0:32, 0:64] : (tensor<16x32x128xf32>) -> tensor<16x32x64xf32>
    %67 = stablehlo.slice %65 [0:16, 0:32, 64:128] : (tensor<16x32x128xf32>) -> tensor<16x32x64xf32>
    %68 = stablehlo.negate %67 : tensor<16x32x64xf32>
    %69 = stablehlo.concatenate %68, %66, dim = 2 : (tensor<16x32x64xf32>, tensor<16x32x64xf32>) -> tensor<16x32x128xf32>
    %70 = stablehlo.multiply %65, %61 : tensor<16x32x128xf32>
    %71 = stablehlo.multiply %69, %64 : tensor<16x32x128xf32>
    %72 = stablehlo.add %70, %71 : tensor<16x32x128xf32>
    %73 = stablehlo.convert %72 : (tensor<16x32x128xf32>) -> tensor<16x32x128xbf16>
    %74 = stablehlo.constant dense<[1.000000e+00, 8.0584216e-01, 6.4938164e-01, 5.232991e-01, 4.216965e-01, 3.3982083e-01, 2.7384198e-01, 2.2067341e-01, 1.7782794e-01, 1.4330126e-01, 1.15478195e-01, 9.305721e-02, 7.498942e-02, 6.042964e-02, 4.8696753e-02, 3.924190e-02, 3.1622775e-02, 2.5482967e-02, 2.0535251e-02, 1.6548172e-02, 1.3335214e-02, 1.0746079e-02, 8.659643e-03, 6.978306e-03, 5.6234132e-03, 4.5315837e-03, 3.6517412e-03, 2.9427272e-03, 2.3713738e-03, 1.910953e-03, 1.5399265e-03, 1.2409377e-03, 1.000000e-03, 8.0584217e-04, 6.493816e-04, 5.232991e-04, 4.2169652e-04, 3.3982084e-04, 2.7384196e-04, 2.206734e-04, 1.7782794e-04, 1.4330125e-04, 1.154782e-04, 9.3057206e-05, 7.4989424e-05, 6.042964e-05, 4.869675e-05, 3.924190e-05, 3.1622778e-05, 2.5482968e-05, 2.053525e-05, 1.654817e-05, 1.3335214e-05, 1.0746078e-05, 8.659643e-06, 6.978306e-06, 5.6234135e-06, 4.5315837e-06, 3.6517413e-06, 2.9427272e-06, 2.3713737e-06, 1.910953e-06, 1.5399265e-06, 1.2409378e-06]> : tensor<64xf32>
    %75 = stablehlo.convert %positions : (tensor<16xi32>) -> tensor<16xf32>
    %76 = stablehlo.broadcast_in_dim %75, dims = [0] : (tensor<16xf32>) -> tensor<16x64xf32>
    %77 = stablehlo.broadcast_in_dim %74, dims = [1] : (tensor<64xf32>) -> tensor<16x64xf32>
    %78 = stablehlo.multiply %76, %77 : tensor<16x64xf32>
    %79 = stablehlo.cosine %78 : tensor<16x64xf32>
    %80 = stablehlo.concatenate %79, %79, dim = 1 : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x128xf32>
    %81 = stablehlo.broadcast_in_dim %80, dims = [0, 2] : (tensor<16x128xf32>) -> tensor<16x8x128xf32>
    %82 = stablehlo.sine %78 : tensor<16x64xf32>
    %83 = stablehlo.concatenate %82, %82, dim = 1 : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x128xf32>
    %84 = stablehlo.broadcast_in_dim %83, dims = [0, 2] : (tensor<16x128xf32>) -> tensor<16x8x128xf32>
    %85 = stablehlo.convert %53 : (tensor<16x8x128xbf16>) -> tensor<16x8x128xf32>
    %86 = stablehlo.slice %85 [0:16, 0:8, 0:64] : (tensor<16x8x128xf32>) -> tensor<16x8x64xf32>
    %87 = stablehlo.slice %85 [0:16, 0:8, 64:128] : (tensor<16x8x128xf32>) -> tensor<16x8x64xf32>
    %88 = stablehlo.negate %87 : tensor<16x8x64xf32>
    %89 = stablehlo.concatenate %88, %86, dim = 2 : (tensor<16x8x64xf32>, tensor<16x8x64xf32>) -> tensor<16x8x128xf32>
    %90 = stablehlo.multiply %85, %81 : tensor<16x8x128xf32>
    %91 = stablehlo.multiply %89, %84 : tensor<16x8x128xf32>
    %92 = stablehlo.add %90, %91 : tensor<16x8x128xf32>
    %93 = stablehlo.convert %92 : (tensor<16x8x128xf32>) -> tensor<16x8x128xbf16>
    %94 = stablehlo.reshape %73 : (tensor<16x32x128xbf16>) -> tensor<1x16x32x128xbf16>
    %95 = stablehlo.reshape %93 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %96 = stablehlo.reshape %23 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %97 = stablehlo.iota dim = 2 : tensor<1x16x8336xi32>
    %98 = stablehlo.broadcast_in_dim %seq_lens, dims = [0] : (tensor<1xi32>) -> tensor<1x16x8336xi32>
    %99 = stablehlo.compare  LT, %97, %98,  SIGNED : (tensor<1x16x8336xi32>, tensor<1x16x8336xi32>) -> tensor<1x16x8336xi1>
    %100 = stablehlo.constant dense<8320> : tensor<1x16x8336xi32>
    %101 = stablehlo.compare  GE, %97, %100,  SIGNED : (tensor<1x16x8336xi32>, tensor<1x16x8336xi32>) -> tensor<1x16x8336xi1>
    %102 = stablehlo.or %101, %99 : tensor<1x16x8336xi1>
    %103 = stablehlo.concatenate %k_ctx, %95, dim = 1 : (tensor<1x8320x8x128xbf16>, tensor<1x16x8x128xbf16>) -> tensor<1x8336x8x128xbf16>
    %104 = stablehlo.concatenate %v_ctx, %96, dim = 1 : (tensor<1x8320x8x128xbf16>, tensor<1x16x8x128xbf16>) -> tensor<1x8336x8x128xbf16>
    %105 = stablehlo.convert %94 : (tensor<1x16x32x128xbf16>) -> tensor<1x16x32x128xf32>
    %106 = stablehlo.reshape %105 : (tensor<1x16x32x128xf32>) -> tensor<1x16x8x4x128xf32>
    %107 = stablehlo.convert %103 : (tensor<1x8336x8x128xbf16>) -> tensor<1x8336x8x128xf32>
    %108 = stablehlo.dot_general %106, %107, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<1x16x8x4x128xf32>, tensor<1x8336x8x128xf32>) -> tensor<1x8x16x4x8336xf32>
    %109 = stablehlo.constant dense<8.8388346e-02> : tensor<1x8x16x4x8336xf32>
    %110 = stablehlo.multiply %108, %109 : tensor<1x8x16x4x8336xf32>
    %111 = stablehlo.broadcast_in_dim %102, dims = [0, 2, 4] : (tensor<1x16x8336xi1>) -> tensor<1x8x16x4x8336xi1>
    %112 = stablehlo.constant dense<0xFF800000> : tensor<1x8x16x4x8336xf32>
    %113 = stablehlo.select %111, %110, %112 : tensor<1x8x16x4x8336xi1>, tensor<1x8x16x4x8336xf32>
    %114 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %115 = stablehlo.reduce(%113 init: %114) applies stablehlo.maximum across dimensions = [4] : (tensor<1x8x16x4x8336xf32>, tensor<f32>) -> tensor<1x8x16x4xf32>
    %116 = stablehlo.broadcast_in_dim %115, dims = [0, 1, 2, 3] : (tensor<1x8x16x4xf32>) -> tensor<1x8x16x4x8336xf32>
    %117 = stablehlo.subtract %113, %116 : tensor<1x8x16x4x8336xf32>
    %118 = stablehlo.exponential %117 : tensor<1x8x16x4x8336xf32>
    %119 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %120 = stablehlo.reduce(%118 init: %119) applies stablehlo.add across dimensions = [4] : (tensor<1x8x16x4x8336xf32>, tensor<f32>) -> tensor<1x8x16x4xf32>
    %121 = stablehlo.broadcast_in_dim %120, dims = [0, 1, 2, 3] : (tensor<1x8x16x4xf32>) -> tensor<1x8x16x4x8336xf32>
    %122 = stablehlo.divide %118, %121 : tensor<1x8x16x4x8336xf32>
    %123 = stablehlo.convert %104 : (tensor<1x8336x8x128xbf16>) -> tensor<1x8336x8x128xf32>
    %124 = stablehlo.dot_general %122, %123, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<1x8x16x4x8336xf32>, tensor<1x8336x8x128xf32>) -> tensor<1x8x16x4x128xf32>
    %125 = stablehlo.transpose %124, dims = [0, 2, 1, 3, 4] : (tensor<1x8x16x4x128xf32>) -> tensor<1x16x8x4x128xf32>
    %126 = stablehlo.reshape %125 : (tensor<1x16x8x4x128xf32>) -> tensor<1x16x32x128xf32>
    %127 = stablehlo.convert %126 : (tensor<1x16x32x128xf32>) -> tensor<1x16x32x128xbf16>
    %128 = stablehlo.reshape %127 : (tensor<1x16x32x128xbf16>) -> tensor<16x4096xbf16>
    %129 = stablehlo.dot_general %128, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<16x4096xbf16>, tensor<4096x4096xbf16>) -> tensor<16x4096xf32>
    %130 = stablehlo.convert %129 : (tensor<16x4096xf32>) -> tensor<16x4096xbf16>
    %131 = stablehlo.add %x, %130 : tensor<16x4096xbf16>
    %132 = stablehlo.convert %131 : (tensor<16x4096xbf16>) -> tensor<16x4096xf32>
    %133 = stablehlo.multiply %132, %132 : tensor<16x4096xf32>
    %134 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %135 = stablehlo.reduce(%133 init: %134) applies stablehlo.add across dimensions = [1] : (tensor<16x4096xf32>, tensor<f32>) -> tensor<16xf32>
    %136 = stablehlo.constant dense<4.096000e+03> : tensor<16xf32>
    %137 = stablehlo.divide %135, %136 : tensor<16xf32>
    %138 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %139 = stablehlo.add %137, %138 : tensor<16xf32>
    %140 = stablehlo.rsqrt %139 : tensor<16xf32>
    %141 = stablehlo.broadcast_in_dim %140, dims = [0] : (tensor<16xf32>) -> tensor<16x4096xf32>
    %142 = stablehlo.multiply %132, %141 : tensor<16x4096xf32>
    %143 = stablehlo.convert %post_attention_layernorm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %144 = stablehlo.broadcast_in_dim %143, dims = [1] : (tensor<4096xf32>) -> tensor<16x4096xf32>
    %145 = stablehlo.multiply %142, %144 : tensor<16x4096xf32>
    %146 = stablehlo.convert %145 : (tensor<16x4096xf32>) -> tensor<16x4096xbf16>
    %147 = stablehlo.dot_general %146, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<16x4096xbf16>, tensor<12288x4096xbf16>) -> tensor<16x12288xf32>
    %148 = stablehlo.convert %147 : (tensor<16x12288xf32>) -> tensor<16x12288xbf16>
    %149 = stablehlo.dot_general %146, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<16x4096xbf16>, tensor<12288x4096xbf16>) -> tensor<16x12288xf32>
    %150 = stablehlo.convert %149 : (tensor<16x12288xf32>) -> tensor<16x12288xbf16>
    %151 = stablehlo.convert %148 : (tensor<16x12288xbf16>) -> tensor<16x12288xf32>
    %152 = stablehlo.logistic %151 : tensor<16x12288xf32>
    %153 = stablehlo.multiply %151, %152 : tensor<16x12288xf32>
    %154 = stablehlo.convert %150 : (tensor<16x12288xbf16>) -> tensor<16x12288xf32>
    %155 = stablehlo.multiply %153, %154 : tensor<16x12288xf32>
    %156 = stablehlo.convert %155 : (tensor<16x12288xf32>) -> tensor<16x12288xbf16>
    %157 = stablehlo.dot_general %156, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<16x12288xbf16>, tensor<4096x12288xbf16>) -> tensor<16x4096xf32>
    %158 = stablehlo.convert %157 : (tensor<16x4096xf32>) -> tensor<16x4096xbf16>
    %159 = stablehlo.add %131, %158 : tensor<16x4096xbf16>
    return %159 : tensor<16x4096xbf16>
  }
}
