module @decode_step_r1 {
  func.func public @main(%target.model.embed_tokens.weight: tensor<151936x2560xbf16>, %target.model.layers.0.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.0.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.0.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.0.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.0.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.0.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.0.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.0.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.0.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.0.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.0.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.1.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.1.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.1.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.1.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.1.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.1.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.1.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.1.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.1.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.1.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.1.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.2.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.2.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.2.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.2.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.2.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.2.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.2.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.2.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.2.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.2.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.2.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.3.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.3.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.3.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.3.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.3.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.3.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.3.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.3.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.3.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.3.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.3.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.4.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.4.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.4.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.4.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.4.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.4.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.4.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.4.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.4.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.4.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.4.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.5.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.5.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.5.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.5.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.5.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.5.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.5.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.5.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.5.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.5.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.5.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.6.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.6.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.6.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.6.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.6.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.6.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.6.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.6.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.6.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.6.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.6.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.7.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.7.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.7.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.7.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.7.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.7.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.7.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.7.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.7.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.7.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.7.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.8.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.8.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.8.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.8.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.8.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.8.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.8.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.8.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.8.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.8.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.8.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.9.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.9.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.9.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.9.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.9.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.9.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.9.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.9.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.9.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.9.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.9.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.10.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.10.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.10.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.10.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.10.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.10.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.10.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.10.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.10.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.10.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.10.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.11.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.11.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.11.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.11.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.11.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.11.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.11.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.11.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.11.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.11.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.11.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.12.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.12.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.12.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.12.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.12.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.12.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.12.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.12.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.12.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.12.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.12.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.13.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.13.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.13.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.13.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.13.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.13.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.13.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.13.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.13.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.13.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.13.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.14.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.14.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.14.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.14.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.14.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.14.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.14.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.14.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.14.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.14.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.14.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.15.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.15.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.15.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.15.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.15.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.15.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.15.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.15.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.15.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.15.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.15.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.16.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.16.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.16.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.16.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.16.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.16.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.16.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.16.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.16.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.16.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.16.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.17.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.17.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.17.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.17.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.17.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.17.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.17.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.17.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.17.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.17.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.17.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.18.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.18.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.18.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.18.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.18.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.18.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.18.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.18.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.18.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.18.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.18.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.19.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.19.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.19.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.19.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.19.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.19.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.19.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.19.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.19.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.19.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.19.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.20.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.20.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.20.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.20.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.20.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.20.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.20.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.20.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.20.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.20.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.20.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.21.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.21.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.21.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.21.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.21.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.21.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.21.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.21.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.21.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.21.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.21.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.22.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.22.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.22.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.22.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.22.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.22.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.22.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.22.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.22.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.22.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.22.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.23.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.23.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.23.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.23.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.23.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.23.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.23.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.23.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.23.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.23.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.23.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.24.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.24.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.24.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.24.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.24.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.24.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.24.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.24.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.24.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.24.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.24.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.25.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.25.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.25.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.25.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.25.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.25.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.25.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.25.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.25.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.25.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.25.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.26.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.26.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.26.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.26.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.26.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.26.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.26.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.26.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.26.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.26.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.26.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.27.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.27.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.27.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.27.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.27.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.27.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.27.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.27.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.27.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.27.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.27.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.28.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.28.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.28.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.28.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.28.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.28.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.28.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.28.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.28.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.28.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.28.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.29.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.29.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.29.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.29.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.29.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.29.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.29.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.29.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.29.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.29.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.29.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.30.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.30.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.30.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.30.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.30.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.30.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.30.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.30.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.30.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.30.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.30.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.31.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.31.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.31.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.31.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.31.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.31.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.31.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.31.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.31.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.31.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.31.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.32.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.32.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.32.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.32.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.32.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.32.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.32.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.32.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.32.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.32.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.32.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.33.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.33.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.33.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.33.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.33.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.33.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.33.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.33.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.33.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.33.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.33.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.34.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.34.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.34.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.34.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.34.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.34.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.34.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.34.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.34.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.34.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.34.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.layers.35.input_layernorm.weight: tensor<2560xbf16>, %target.model.layers.35.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %target.model.layers.35.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.35.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %target.model.layers.35.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %target.model.layers.35.self_attn.q_norm.weight: tensor<128xbf16>, %target.model.layers.35.self_attn.k_norm.weight: tensor<128xbf16>, %target.model.layers.35.post_attention_layernorm.weight: tensor<2560xbf16>, %target.model.layers.35.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.35.mlp.up_proj.weight: tensor<9728x2560xbf16>, %target.model.layers.35.mlp.down_proj.weight: tensor<2560x9728xbf16>, %target.model.norm.weight: tensor<2560xbf16>, %draft.fc.weight: tensor<2560x12800xbf16>, %draft.hidden_norm.weight: tensor<2560xbf16>, %draft.layers.0.input_layernorm.weight: tensor<2560xbf16>, %draft.layers.0.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %draft.layers.0.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %draft.layers.0.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %draft.layers.0.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %draft.layers.0.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.0.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.0.post_attention_layernorm.weight: tensor<2560xbf16>, %draft.layers.0.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %draft.layers.0.mlp.up_proj.weight: tensor<9728x2560xbf16>, %draft.layers.0.mlp.down_proj.weight: tensor<2560x9728xbf16>, %draft.layers.1.input_layernorm.weight: tensor<2560xbf16>, %draft.layers.1.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %draft.layers.1.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %draft.layers.1.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %draft.layers.1.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %draft.layers.1.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.1.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.1.post_attention_layernorm.weight: tensor<2560xbf16>, %draft.layers.1.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %draft.layers.1.mlp.up_proj.weight: tensor<9728x2560xbf16>, %draft.layers.1.mlp.down_proj.weight: tensor<2560x9728xbf16>, %draft.layers.2.input_layernorm.weight: tensor<2560xbf16>, %draft.layers.2.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %draft.layers.2.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %draft.layers.2.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %draft.layers.2.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %draft.layers.2.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.2.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.2.post_attention_layernorm.weight: tensor<2560xbf16>, %draft.layers.2.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %draft.layers.2.mlp.up_proj.weight: tensor<9728x2560xbf16>, %draft.layers.2.mlp.down_proj.weight: tensor<2560x9728xbf16>, %draft.layers.3.input_layernorm.weight: tensor<2560xbf16>, %draft.layers.3.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %draft.layers.3.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %draft.layers.3.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %draft.layers.3.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %draft.layers.3.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.3.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.3.post_attention_layernorm.weight: tensor<2560xbf16>, %draft.layers.3.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %draft.layers.3.mlp.up_proj.weight: tensor<9728x2560xbf16>, %draft.layers.3.mlp.down_proj.weight: tensor<2560x9728xbf16>, %draft.layers.4.input_layernorm.weight: tensor<2560xbf16>, %draft.layers.4.self_attn.q_proj.weight: tensor<4096x2560xbf16>, %draft.layers.4.self_attn.k_proj.weight: tensor<1024x2560xbf16>, %draft.layers.4.self_attn.v_proj.weight: tensor<1024x2560xbf16>, %draft.layers.4.self_attn.o_proj.weight: tensor<2560x4096xbf16>, %draft.layers.4.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.4.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.4.post_attention_layernorm.weight: tensor<2560xbf16>, %draft.layers.4.mlp.gate_proj.weight: tensor<9728x2560xbf16>, %draft.layers.4.mlp.up_proj.weight: tensor<9728x2560xbf16>, %draft.layers.4.mlp.down_proj.weight: tensor<2560x9728xbf16>, %draft.norm.weight: tensor<2560xbf16>, %target_kv: tensor<36x2x8x1024x64x128xbf16> {jax.buffer_donor = true}, %draft_k: tensor<5x17x8320x8x128xbf16> {jax.buffer_donor = true}, %draft_v: tensor<5x17x8320x8x128xbf16> {jax.buffer_donor = true}, %last_tokens: tensor<1xi32>, %seq_lens: tensor<1xi32>, %block_tables: tensor<1x129xi32>, %draft_slots: tensor<1xi32>) -> (tensor<1xi32>, tensor<1x16xi32>, tensor<1x15xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<5x17x8320x8x128xbf16>, tensor<5x17x8320x8x128xbf16>) {
    %0 = stablehlo.reshape %last_tokens : (tensor<1xi32>) -> tensor<1x1xi32>
    %1 = stablehlo.constant dense<151669> : tensor<1x15xi32>
    %2 = stablehlo.concatenate %0, %1, dim = 1 : (tensor<1x1xi32>, tensor<1x15xi32>) -> tensor<1x16xi32>
    %3 = stablehlo.broadcast_in_dim %seq_lens, dims = [0] : (tensor<1xi32>) -> tensor<1x16xi32>
    %4 = stablehlo.iota dim = 1 : tensor<1x16xi32>
    %5 = stablehlo.add %3, %4 : tensor<1x16xi32>
    %6 = stablehlo.reshape %5 : (tensor<1x16xi32>) -> tensor<16xi32>
    %7 = stablehlo.reshape %2 : (tensor<1x16xi32>) -> tensor<16xi32>
    %8 = stablehlo.reshape %7 : (tensor<16xi32>) -> tensor<16x1xi32>
    %9 = "stablehlo.gather"(%target.model.embed_tokens.weight, %8) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 2560>}> : (tensor<151936x2560xbf16>, tensor<16x1xi32>) -> tensor<16x2560xbf16>
    %10 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %11 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %12 = stablehlo.concatenate %10, %11, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %13 = "stablehlo.gather"(%draft_k, %12) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x17x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %14 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %15 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %16 = stablehlo.concatenate %14, %15, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %17 = "stablehlo.gather"(%draft_v, %16) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x17x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %18 = func.call @draft_layer(%9, %6, %seq_lens, %13, %17, %draft.layers.0.input_layernorm.weight, %draft.layers.0.self_attn.q_proj.weight, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.o_proj.weight, %draft.layers.0.self_attn.q_norm.weight, %draft.layers.0.self_attn.k_norm.weight, %draft.layers.0.post_attention_layernorm.weight, %draft.layers.0.mlp.gate_proj.weight, %draft.layers.0.mlp.up_proj.weight, %draft.layers.0.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<16xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> tensor<16x2560xbf16>
    %19 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %20 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %21 = stablehlo.concatenate %19, %20, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %22 = "stablehlo.gather"(%draft_k, %21) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x17x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %23 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %24 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %25 = stablehlo.concatenate %23, %24, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %26 = "stablehlo.gather"(%draft_v, %25) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x17x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %27 = func.call @draft_layer(%18, %6, %seq_lens, %22, %26, %draft.layers.1.input_layernorm.weight, %draft.layers.1.self_attn.q_proj.weight, %draft.layers.1.self_attn.k_proj.weight, %draft.layers.1.self_attn.v_proj.weight, %draft.layers.1.self_attn.o_proj.weight, %draft.layers.1.self_attn.q_norm.weight, %draft.layers.1.self_attn.k_norm.weight, %draft.layers.1.post_attention_layernorm.weight, %draft.layers.1.mlp.gate_proj.weight, %draft.layers.1.mlp.up_proj.weight, %draft.layers.1.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<16xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> tensor<16x2560xbf16>
    %28 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %29 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %30 = stablehlo.concatenate %28, %29, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %31 = "stablehlo.gather"(%draft_k, %30) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x17x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %32 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %33 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %34 = stablehlo.concatenate %32, %33, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %35 = "stablehlo.gather"(%draft_v, %34) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x17x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %36 = func.call @draft_layer(%27, %6, %seq_lens, %31, %35, %draft.layers.2.input_layernorm.weight, %draft.layers.2.self_attn.q_proj.weight, %draft.layers.2.self_attn.k_proj.weight, %draft.layers.2.self_attn.v_proj.weight, %draft.layers.2.self_attn.o_proj.weight, %draft.layers.2.self_attn.q_norm.weight, %draft.layers.2.self_attn.k_norm.weight, %draft.layers.2.post_attention_layernorm.weight, %draft.layers.2.mlp.gate_proj.weight, %draft.layers.2.mlp.up_proj.weight, %draft.layers.2.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<16xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> tensor<16x2560xbf16>
    %37 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %38 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %39 = stablehlo.concatenate %37, %38, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %40 = "stablehlo.gather"(%draft_k, %39) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x17x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %41 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %42 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %43 = stablehlo.concatenate %41, %42, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %44 = "stablehlo.gather"(%draft_v, %43) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x17x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %45 = func.call @draft_layer(%36, %6, %seq_lens, %40, %44, %draft.layers.3.input_layernorm.weight, %draft.layers.3.self_attn.q_proj.weight, %draft.layers.3.self_attn.k_proj.weight, %draft.layers.3.self_attn.v_proj.weight, %draft.layers.3.self_attn.o_proj.weight, %draft.layers.3.self_attn.q_norm.weight, %draft.layers.3.self_attn.k_norm.weight, %draft.layers.3.post_attention_layernorm.weight, %draft.layers.3.mlp.gate_proj.weight, %draft.layers.3.mlp.up_proj.weight, %draft.layers.3.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<16xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> tensor<16x2560xbf16>
    %46 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %47 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %48 = stablehlo.concatenate %46, %47, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %49 = "stablehlo.gather"(%draft_k, %48) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x17x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %50 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %51 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %52 = stablehlo.concatenate %50, %51, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %53 = "stablehlo.gather"(%draft_v, %52) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x17x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %54 = func.call @draft_layer(%45, %6, %seq_lens, %49, %53, %draft.layers.4.input_layernorm.weight, %draft.layers.4.self_attn.q_proj.weight, %draft.layers.4.self_attn.k_proj.weight, %draft.layers.4.self_attn.v_proj.weight, %draft.layers.4.self_attn.o_proj.weight, %draft.layers.4.self_attn.q_norm.weight, %draft.layers.4.self_attn.k_norm.weight, %draft.layers.4.post_attention_layernorm.weight, %draft.layers.4.mlp.gate_proj.weight, %draft.layers.4.mlp.up_proj.weight, %draft.layers.4.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<16xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> tensor<16x2560xbf16>
    %55 = stablehlo.reshape %54 : (tensor<16x2560xbf16>) -> tensor<1x16x2560xbf16>
    %56 = stablehlo.slice %55 [0:1, 1:16, 0:2560] : (tensor<1x16x2560xbf16>) -> tensor<1x15x2560xbf16>
    %57 = stablehlo.reshape %56 : (tensor<1x15x2560xbf16>) -> tensor<15x2560xbf16>
    %58 = stablehlo.convert %57 : (tensor<15x2560xbf16>) -> tensor<15x2560xf32>
    %59 = stablehlo.multiply %58, %58 : tensor<15x2560xf32>
    %60 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %61 = stablehlo.reduce(%59 init: %60) applies stablehlo.add across dimensions = [1] : (tensor<15x2560xf32>, tensor<f32>) -> tensor<15xf32>
    %62 = stablehlo.constant dense<2.560000e+03> : tensor<15xf32>
    %63 = stablehlo.divide %61, %62 : tensor<15xf32>
    %64 = stablehlo.constant dense<1.000000e-06> : tensor<15xf32>
    %65 = stablehlo.add %63, %64 : tensor<15xf32>
    %66 = stablehlo.rsqrt %65 : tensor<15xf32>
    %67 = stablehlo.broadcast_in_dim %66, dims = [0] : (tensor<15xf32>) -> tensor<15x2560xf32>
    %68 = stablehlo.multiply %58, %67 : tensor<15x2560xf32>
    %69 = stablehlo.convert %draft.norm.weight : (tensor<2560xbf16>) -> tensor<2560xf32>
    %70 = stablehlo.broadcast_in_dim %69, dims = [1] : (tensor<2560xf32>) -> tensor<15x2560xf32>
    %71 = stablehlo.multiply %68, %70 : tensor<15x2560xf32>
    %72 = stablehlo.convert %71 : (tensor<15x2560xf32>) -> tensor<15x2560xbf16>
    %73 = stablehlo.dot_general %72, %target.model.embed_tokens.weight, contracting_dims = [1] x [1] : (tensor<15x2560xbf16>, tensor<151936x2560xbf16>) -> tensor<15x151936xf32>
    %74 = stablehlo.iota dim = 1 : tensor<15x151936xi32>
    %75 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %76 = stablehlo.constant dense<0> : tensor<i32>
    %77:2 = stablehlo.reduce(%73 init: %75), (%74 init: %76) across dimensions = [1] : (tensor<15x151936xf32>, tensor<15x151936xi32>, tensor<f32>, tensor<i32>) -> (tensor<15xf32>, tensor<15xi32>)
      reducer(%arg463: tensor<f32>, %arg465: tensor<f32>) (%arg464: tensor<i32>, %arg466: tensor<i32>) {
        %78 = stablehlo.compare  GT, %arg463, %arg465,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %79 = stablehlo.compare  EQ, %arg463, %arg465,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %80 = stablehlo.compare  LT, %arg464, %arg466,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %81 = stablehlo.and %79, %80 : tensor<i1>
        %82 = stablehlo.or %78, %81 : tensor<i1>
        %83 = stablehlo.select %82, %arg463, %arg465 : tensor<i1>, tensor<f32>
        %84 = stablehlo.select %82, %arg464, %arg466 : tensor<i1>, tensor<i32>
        stablehlo.return %83, %84 : tensor<f32>, tensor<i32>
      }
    %85 = stablehlo.reshape %77#1 : (tensor<15xi32>) -> tensor<1x15xi32>
    %86 = stablehlo.reshape %last_tokens : (tensor<1xi32>) -> tensor<1x1xi32>
    %87 = stablehlo.concatenate %86, %85, dim = 1 : (tensor<1x1xi32>, tensor<1x15xi32>) -> tensor<1x16xi32>
    %88 = stablehlo.broadcast_in_dim %seq_lens, dims = [0] : (tensor<1xi32>) -> tensor<1x16xi32>
    %89 = stablehlo.iota dim = 1 : tensor<1x16xi32>
    %90 = stablehlo.add %88, %89 : tensor<1x16xi32>
    %91 = stablehlo.iota dim = 0 : tensor<1x16xi32>
    %92 = stablehlo.reshape %91 : (tensor<1x16xi32>) -> tensor<1x16x1xi32>
    %93 = stablehlo.constant dense<64> : tensor<1x16xi32>
    %94 = stablehlo.divide %90, %93 : tensor<1x16xi32>
    %95 = stablehlo.reshape %94 : (tensor<1x16xi32>) -> tensor<1x16x1xi32>
    %96 = stablehlo.concatenate %92, %95, dim = 2 : (tensor<1x16x1xi32>, tensor<1x16x1xi32>) -> tensor<1x16x2xi32>
    %97 = "stablehlo.gather"(%block_tables, %96) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<1x129xi32>, tensor<1x16x2xi32>) -> tensor<1x16xi32>
    %98 = stablehlo.constant dense<64> : tensor<1x16xi32>
    %99 = stablehlo.multiply %97, %98 : tensor<1x16xi32>
    %100 = stablehlo.constant dense<64> : tensor<1x16xi32>
    %101 = stablehlo.remainder %90, %100 : tensor<1x16xi32>
    %102 = stablehlo.add %99, %101 : tensor<1x16xi32>
    %103 = stablehlo.reshape %102 : (tensor<1x16xi32>) -> tensor<16xi32>
    %104 = stablehlo.reshape %87 : (tensor<1x16xi32>) -> tensor<16xi32>
    %105 = stablehlo.reshape %104 : (tensor<16xi32>) -> tensor<16x1xi32>
    %106 = "stablehlo.gather"(%target.model.embed_tokens.weight, %105) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 2560>}> : (tensor<151936x2560xbf16>, tensor<16x1xi32>) -> tensor<16x2560xbf16>
    %107 = stablehlo.constant dense<0> : tensor<i32>
    %108:2 = func.call @target_layer(%106, %90, %block_tables, %103, %target_kv, %107, %target.model.layers.0.input_layernorm.weight, %target.model.layers.0.self_attn.q_proj.weight, %target.model.layers.0.self_attn.k_proj.weight, %target.model.layers.0.self_attn.v_proj.weight, %target.model.layers.0.self_attn.o_proj.weight, %target.model.layers.0.self_attn.q_norm.weight, %target.model.layers.0.self_attn.k_norm.weight, %target.model.layers.0.post_attention_layernorm.weight, %target.model.layers.0.mlp.gate_proj.weight, %target.model.layers.0.mlp.up_proj.weight, %target.model.layers.0.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %109 = stablehlo.constant dense<1> : tensor<i32>
    %110:2 = func.call @target_layer(%108#0, %90, %block_tables, %103, %108#1, %109, %target.model.layers.1.input_layernorm.weight, %target.model.layers.1.self_attn.q_proj.weight, %target.model.layers.1.self_attn.k_proj.weight, %target.model.layers.1.self_attn.v_proj.weight, %target.model.layers.1.self_attn.o_proj.weight, %target.model.layers.1.self_attn.q_norm.weight, %target.model.layers.1.self_attn.k_norm.weight, %target.model.layers.1.post_attention_layernorm.weight, %target.model.layers.1.mlp.gate_proj.weight, %target.model.layers.1.mlp.up_proj.weight, %target.model.layers.1.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %111 = stablehlo.constant dense<2> : tensor<i32>
    %112:2 = func.call @target_layer(%110#0, %90, %block_tables, %103, %110#1, %111, %target.model.layers.2.input_layernorm.weight, %target.model.layers.2.self_attn.q_proj.weight, %target.model.layers.2.self_attn.k_proj.weight, %target.model.layers.2.self_attn.v_proj.weight, %target.model.layers.2.self_attn.o_proj.weight, %target.model.layers.2.self_attn.q_norm.weight, %target.model.layers.2.self_attn.k_norm.weight, %target.model.layers.2.post_attention_layernorm.weight, %target.model.layers.2.mlp.gate_proj.weight, %target.model.layers.2.mlp.up_proj.weight, %target.model.layers.2.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %113 = stablehlo.constant dense<3> : tensor<i32>
    %114:2 = func.call @target_layer(%112#0, %90, %block_tables, %103, %112#1, %113, %target.model.layers.3.input_layernorm.weight, %target.model.layers.3.self_attn.q_proj.weight, %target.model.layers.3.self_attn.k_proj.weight, %target.model.layers.3.self_attn.v_proj.weight, %target.model.layers.3.self_attn.o_proj.weight, %target.model.layers.3.self_attn.q_norm.weight, %target.model.layers.3.self_attn.k_norm.weight, %target.model.layers.3.post_attention_layernorm.weight, %target.model.layers.3.mlp.gate_proj.weight, %target.model.layers.3.mlp.up_proj.weight, %target.model.layers.3.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %115 = stablehlo.constant dense<4> : tensor<i32>
    %116:2 = func.call @target_layer(%114#0, %90, %block_tables, %103, %114#1, %115, %target.model.layers.4.input_layernorm.weight, %target.model.layers.4.self_attn.q_proj.weight, %target.model.layers.4.self_attn.k_proj.weight, %target.model.layers.4.self_attn.v_proj.weight, %target.model.layers.4.self_attn.o_proj.weight, %target.model.layers.4.self_attn.q_norm.weight, %target.model.layers.4.self_attn.k_norm.weight, %target.model.layers.4.post_attention_layernorm.weight, %target.model.layers.4.mlp.gate_proj.weight, %target.model.layers.4.mlp.up_proj.weight, %target.model.layers.4.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %117 = stablehlo.constant dense<5> : tensor<i32>
    %118:2 = func.call @target_layer(%116#0, %90, %block_tables, %103, %116#1, %117, %target.model.layers.5.input_layernorm.weight, %target.model.layers.5.self_attn.q_proj.weight, %target.model.layers.5.self_attn.k_proj.weight, %target.model.layers.5.self_attn.v_proj.weight, %target.model.layers.5.self_attn.o_proj.weight, %target.model.layers.5.self_attn.q_norm.weight, %target.model.layers.5.self_attn.k_norm.weight, %target.model.layers.5.post_attention_layernorm.weight, %target.model.layers.5.mlp.gate_proj.weight, %target.model.layers.5.mlp.up_proj.weight, %target.model.layers.5.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %119 = stablehlo.constant dense<6> : tensor<i32>
    %120:2 = func.call @target_layer(%118#0, %90, %block_tables, %103, %118#1, %119, %target.model.layers.6.input_layernorm.weight, %target.model.layers.6.self_attn.q_proj.weight, %target.model.layers.6.self_attn.k_proj.weight, %target.model.layers.6.self_attn.v_proj.weight, %target.model.layers.6.self_attn.o_proj.weight, %target.model.layers.6.self_attn.q_norm.weight, %target.model.layers.6.self_attn.k_norm.weight, %target.model.layers.6.post_attention_layernorm.weight, %target.model.layers.6.mlp.gate_proj.weight, %target.model.layers.6.mlp.up_proj.weight, %target.model.layers.6.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %121 = stablehlo.constant dense<7> : tensor<i32>
    %122:2 = func.call @target_layer(%120#0, %90, %block_tables, %103, %120#1, %121, %target.model.layers.7.input_layernorm.weight, %target.model.layers.7.self_attn.q_proj.weight, %target.model.layers.7.self_attn.k_proj.weight, %target.model.layers.7.self_attn.v_proj.weight, %target.model.layers.7.self_attn.o_proj.weight, %target.model.layers.7.self_attn.q_norm.weight, %target.model.layers.7.self_attn.k_norm.weight, %target.model.layers.7.post_attention_layernorm.weight, %target.model.layers.7.mlp.gate_proj.weight, %target.model.layers.7.mlp.up_proj.weight, %target.model.layers.7.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %123 = stablehlo.constant dense<8> : tensor<i32>
    %124:2 = func.call @target_layer(%122#0, %90, %block_tables, %103, %122#1, %123, %target.model.layers.8.input_layernorm.weight, %target.model.layers.8.self_attn.q_proj.weight, %target.model.layers.8.self_attn.k_proj.weight, %target.model.layers.8.self_attn.v_proj.weight, %target.model.layers.8.self_attn.o_proj.weight, %target.model.layers.8.self_attn.q_norm.weight, %target.model.layers.8.self_attn.k_norm.weight, %target.model.layers.8.post_attention_layernorm.weight, %target.model.layers.8.mlp.gate_proj.weight, %target.model.layers.8.mlp.up_proj.weight, %target.model.layers.8.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %125 = stablehlo.constant dense<9> : tensor<i32>
    %126:2 = func.call @target_layer(%124#0, %90, %block_tables, %103, %124#1, %125, %target.model.layers.9.input_layernorm.weight, %target.model.layers.9.self_attn.q_proj.weight, %target.model.layers.9.self_attn.k_proj.weight, %target.model.layers.9.self_attn.v_proj.weight, %target.model.layers.9.self_attn.o_proj.weight, %target.model.layers.9.self_attn.q_norm.weight, %target.model.layers.9.self_attn.k_norm.weight, %target.model.layers.9.post_attention_layernorm.weight, %target.model.layers.9.mlp.gate_proj.weight, %target.model.layers.9.mlp.up_proj.weight, %target.model.layers.9.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %127 = stablehlo.constant dense<10> : tensor<i32>
    %128:2 = func.call @target_layer(%126#0, %90, %block_tables, %103, %126#1, %127, %target.model.layers.10.input_layernorm.weight, %target.model.layers.10.self_attn.q_proj.weight, %target.model.layers.10.self_attn.k_proj.weight, %target.model.layers.10.self_attn.v_proj.weight, %target.model.layers.10.self_attn.o_proj.weight, %target.model.layers.10.self_attn.q_norm.weight, %target.model.layers.10.self_attn.k_norm.weight, %target.model.layers.10.post_attention_layernorm.weight, %target.model.layers.10.mlp.gate_proj.weight, %target.model.layers.10.mlp.up_proj.weight, %target.model.layers.10.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %129 = stablehlo.constant dense<11> : tensor<i32>
    %130:2 = func.call @target_layer(%128#0, %90, %block_tables, %103, %128#1, %129, %target.model.layers.11.input_layernorm.weight, %target.model.layers.11.self_attn.q_proj.weight, %target.model.layers.11.self_attn.k_proj.weight, %target.model.layers.11.self_attn.v_proj.weight, %target.model.layers.11.self_attn.o_proj.weight, %target.model.layers.11.self_attn.q_norm.weight, %target.model.layers.11.self_attn.k_norm.weight, %target.model.layers.11.post_attention_layernorm.weight, %target.model.layers.11.mlp.gate_proj.weight, %target.model.layers.11.mlp.up_proj.weight, %target.model.layers.11.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %131 = stablehlo.constant dense<12> : tensor<i32>
    %132:2 = func.call @target_layer(%130#0, %90, %block_tables, %103, %130#1, %131, %target.model.layers.12.input_layernorm.weight, %target.model.layers.12.self_attn.q_proj.weight, %target.model.layers.12.self_attn.k_proj.weight, %target.model.layers.12.self_attn.v_proj.weight, %target.model.layers.12.self_attn.o_proj.weight, %target.model.layers.12.self_attn.q_norm.weight, %target.model.layers.12.self_attn.k_norm.weight, %target.model.layers.12.post_attention_layernorm.weight, %target.model.layers.12.mlp.gate_proj.weight, %target.model.layers.12.mlp.up_proj.weight, %target.model.layers.12.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %133 = stablehlo.constant dense<13> : tensor<i32>
    %134:2 = func.call @target_layer(%132#0, %90, %block_tables, %103, %132#1, %133, %target.model.layers.13.input_layernorm.weight, %target.model.layers.13.self_attn.q_proj.weight, %target.model.layers.13.self_attn.k_proj.weight, %target.model.layers.13.self_attn.v_proj.weight, %target.model.layers.13.self_attn.o_proj.weight, %target.model.layers.13.self_attn.q_norm.weight, %target.model.layers.13.self_attn.k_norm.weight, %target.model.layers.13.post_attention_layernorm.weight, %target.model.layers.13.mlp.gate_proj.weight, %target.model.layers.13.mlp.up_proj.weight, %target.model.layers.13.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %135 = stablehlo.constant dense<14> : tensor<i32>
    %136:2 = func.call @target_layer(%134#0, %90, %block_tables, %103, %134#1, %135, %target.model.layers.14.input_layernorm.weight, %target.model.layers.14.self_attn.q_proj.weight, %target.model.layers.14.self_attn.k_proj.weight, %target.model.layers.14.self_attn.v_proj.weight, %target.model.layers.14.self_attn.o_proj.weight, %target.model.layers.14.self_attn.q_norm.weight, %target.model.layers.14.self_attn.k_norm.weight, %target.model.layers.14.post_attention_layernorm.weight, %target.model.layers.14.mlp.gate_proj.weight, %target.model.layers.14.mlp.up_proj.weight, %target.model.layers.14.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %137 = stablehlo.constant dense<15> : tensor<i32>
    %138:2 = func.call @target_layer(%136#0, %90, %block_tables, %103, %136#1, %137, %target.model.layers.15.input_layernorm.weight, %target.model.layers.15.self_attn.q_proj.weight, %target.model.layers.15.self_attn.k_proj.weight, %target.model.layers.15.self_attn.v_proj.weight, %target.model.layers.15.self_attn.o_proj.weight, %target.model.layers.15.self_attn.q_norm.weight, %target.model.layers.15.self_attn.k_norm.weight, %target.model.layers.15.post_attention_layernorm.weight, %target.model.layers.15.mlp.gate_proj.weight, %target.model.layers.15.mlp.up_proj.weight, %target.model.layers.15.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %139 = stablehlo.constant dense<16> : tensor<i32>
    %140:2 = func.call @target_layer(%138#0, %90, %block_tables, %103, %138#1, %139, %target.model.layers.16.input_layernorm.weight, %target.model.layers.16.self_attn.q_proj.weight, %target.model.layers.16.self_attn.k_proj.weight, %target.model.layers.16.self_attn.v_proj.weight, %target.model.layers.16.self_attn.o_proj.weight, %target.model.layers.16.self_attn.q_norm.weight, %target.model.layers.16.self_attn.k_norm.weight, %target.model.layers.16.post_attention_layernorm.weight, %target.model.layers.16.mlp.gate_proj.weight, %target.model.layers.16.mlp.up_proj.weight, %target.model.layers.16.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %141 = stablehlo.constant dense<17> : tensor<i32>
    %142:2 = func.call @target_layer(%140#0, %90, %block_tables, %103, %140#1, %141, %target.model.layers.17.input_layernorm.weight, %target.model.layers.17.self_attn.q_proj.weight, %target.model.layers.17.self_attn.k_proj.weight, %target.model.layers.17.self_attn.v_proj.weight, %target.model.layers.17.self_attn.o_proj.weight, %target.model.layers.17.self_attn.q_norm.weight, %target.model.layers.17.self_attn.k_norm.weight, %target.model.layers.17.post_attention_layernorm.weight, %target.model.layers.17.mlp.gate_proj.weight, %target.model.layers.17.mlp.up_proj.weight, %target.model.layers.17.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %143 = stablehlo.constant dense<18> : tensor<i32>
    %144:2 = func.call @target_layer(%142#0, %90, %block_tables, %103, %142#1, %143, %target.model.layers.18.input_layernorm.weight, %target.model.layers.18.self_attn.q_proj.weight, %target.model.layers.18.self_attn.k_proj.weight, %target.model.layers.18.self_attn.v_proj.weight, %target.model.layers.18.self_attn.o_proj.weight, %target.model.layers.18.self_attn.q_norm.weight, %target.model.layers.18.self_attn.k_norm.weight, %target.model.layers.18.post_attention_layernorm.weight, %target.model.layers.18.mlp.gate_proj.weight, %target.model.layers.18.mlp.up_proj.weight, %target.model.layers.18.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %145 = stablehlo.constant dense<19> : tensor<i32>
    %146:2 = func.call @target_layer(%144#0, %90, %block_tables, %103, %144#1, %145, %target.model.layers.19.input_layernorm.weight, %target.model.layers.19.self_attn.q_proj.weight, %target.model.layers.19.self_attn.k_proj.weight, %target.model.layers.19.self_attn.v_proj.weight, %target.model.layers.19.self_attn.o_proj.weight, %target.model.layers.19.self_attn.q_norm.weight, %target.model.layers.19.self_attn.k_norm.weight, %target.model.layers.19.post_attention_layernorm.weight, %target.model.layers.19.mlp.gate_proj.weight, %target.model.layers.19.mlp.up_proj.weight, %target.model.layers.19.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %147 = stablehlo.constant dense<20> : tensor<i32>
    %148:2 = func.call @target_layer(%146#0, %90, %block_tables, %103, %146#1, %147, %target.model.layers.20.input_layernorm.weight, %target.model.layers.20.self_attn.q_proj.weight, %target.model.layers.20.self_attn.k_proj.weight, %target.model.layers.20.self_attn.v_proj.weight, %target.model.layers.20.self_attn.o_proj.weight, %target.model.layers.20.self_attn.q_norm.weight, %target.model.layers.20.self_attn.k_norm.weight, %target.model.layers.20.post_attention_layernorm.weight, %target.model.layers.20.mlp.gate_proj.weight, %target.model.layers.20.mlp.up_proj.weight, %target.model.layers.20.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %149 = stablehlo.constant dense<21> : tensor<i32>
    %150:2 = func.call @target_layer(%148#0, %90, %block_tables, %103, %148#1, %149, %target.model.layers.21.input_layernorm.weight, %target.model.layers.21.self_attn.q_proj.weight, %target.model.layers.21.self_attn.k_proj.weight, %target.model.layers.21.self_attn.v_proj.weight, %target.model.layers.21.self_attn.o_proj.weight, %target.model.layers.21.self_attn.q_norm.weight, %target.model.layers.21.self_attn.k_norm.weight, %target.model.layers.21.post_attention_layernorm.weight, %target.model.layers.21.mlp.gate_proj.weight, %target.model.layers.21.mlp.up_proj.weight, %target.model.layers.21.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %151 = stablehlo.constant dense<22> : tensor<i32>
    %152:2 = func.call @target_layer(%150#0, %90, %block_tables, %103, %150#1, %151, %target.model.layers.22.input_layernorm.weight, %target.model.layers.22.self_attn.q_proj.weight, %target.model.layers.22.self_attn.k_proj.weight, %target.model.layers.22.self_attn.v_proj.weight, %target.model.layers.22.self_attn.o_proj.weight, %target.model.layers.22.self_attn.q_norm.weight, %target.model.layers.22.self_attn.k_norm.weight, %target.model.layers.22.post_attention_layernorm.weight, %target.model.layers.22.mlp.gate_proj.weight, %target.model.layers.22.mlp.up_proj.weight, %target.model.layers.22.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %153 = stablehlo.constant dense<23> : tensor<i32>
    %154:2 = func.call @target_layer(%152#0, %90, %block_tables, %103, %152#1, %153, %target.model.layers.23.input_layernorm.weight, %target.model.layers.23.self_attn.q_proj.weight, %target.model.layers.23.self_attn.k_proj.weight, %target.model.layers.23.self_attn.v_proj.weight, %target.model.layers.23.self_attn.o_proj.weight, %target.model.layers.23.self_attn.q_norm.weight, %target.model.layers.23.self_attn.k_norm.weight, %target.model.layers.23.post_attention_layernorm.weight, %target.model.layers.23.mlp.gate_proj.weight, %target.model.layers.23.mlp.up_proj.weight, %target.model.layers.23.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %155 = stablehlo.constant dense<24> : tensor<i32>
    %156:2 = func.call @target_layer(%154#0, %90, %block_tables, %103, %154#1, %155, %target.model.layers.24.input_layernorm.weight, %target.model.layers.24.self_attn.q_proj.weight, %target.model.layers.24.self_attn.k_proj.weight, %target.model.layers.24.self_attn.v_proj.weight, %target.model.layers.24.self_attn.o_proj.weight, %target.model.layers.24.self_attn.q_norm.weight, %target.model.layers.24.self_attn.k_norm.weight, %target.model.layers.24.post_attention_layernorm.weight, %target.model.layers.24.mlp.gate_proj.weight, %target.model.layers.24.mlp.up_proj.weight, %target.model.layers.24.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %157 = stablehlo.constant dense<25> : tensor<i32>
    %158:2 = func.call @target_layer(%156#0, %90, %block_tables, %103, %156#1, %157, %target.model.layers.25.input_layernorm.weight, %target.model.layers.25.self_attn.q_proj.weight, %target.model.layers.25.self_attn.k_proj.weight, %target.model.layers.25.self_attn.v_proj.weight, %target.model.layers.25.self_attn.o_proj.weight, %target.model.layers.25.self_attn.q_norm.weight, %target.model.layers.25.self_attn.k_norm.weight, %target.model.layers.25.post_attention_layernorm.weight, %target.model.layers.25.mlp.gate_proj.weight, %target.model.layers.25.mlp.up_proj.weight, %target.model.layers.25.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %159 = stablehlo.constant dense<26> : tensor<i32>
    %160:2 = func.call @target_layer(%158#0, %90, %block_tables, %103, %158#1, %159, %target.model.layers.26.input_layernorm.weight, %target.model.layers.26.self_attn.q_proj.weight, %target.model.layers.26.self_attn.k_proj.weight, %target.model.layers.26.self_attn.v_proj.weight, %target.model.layers.26.self_attn.o_proj.weight, %target.model.layers.26.self_attn.q_norm.weight, %target.model.layers.26.self_attn.k_norm.weight, %target.model.layers.26.post_attention_layernorm.weight, %target.model.layers.26.mlp.gate_proj.weight, %target.model.layers.26.mlp.up_proj.weight, %target.model.layers.26.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %161 = stablehlo.constant dense<27> : tensor<i32>
    %162:2 = func.call @target_layer(%160#0, %90, %block_tables, %103, %160#1, %161, %target.model.layers.27.input_layernorm.weight, %target.model.layers.27.self_attn.q_proj.weight, %target.model.layers.27.self_attn.k_proj.weight, %target.model.layers.27.self_attn.v_proj.weight, %target.model.layers.27.self_attn.o_proj.weight, %target.model.layers.27.self_attn.q_norm.weight, %target.model.layers.27.self_attn.k_norm.weight, %target.model.layers.27.post_attention_layernorm.weight, %target.model.layers.27.mlp.gate_proj.weight, %target.model.layers.27.mlp.up_proj.weight, %target.model.layers.27.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %163 = stablehlo.constant dense<28> : tensor<i32>
    %164:2 = func.call @target_layer(%162#0, %90, %block_tables, %103, %162#1, %163, %target.model.layers.28.input_layernorm.weight, %target.model.layers.28.self_attn.q_proj.weight, %target.model.layers.28.self_attn.k_proj.weight, %target.model.layers.28.self_attn.v_proj.weight, %target.model.layers.28.self_attn.o_proj.weight, %target.model.layers.28.self_attn.q_norm.weight, %target.model.layers.28.self_attn.k_norm.weight, %target.model.layers.28.post_attention_layernorm.weight, %target.model.layers.28.mlp.gate_proj.weight, %target.model.layers.28.mlp.up_proj.weight, %target.model.layers.28.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %165 = stablehlo.constant dense<29> : tensor<i32>
    %166:2 = func.call @target_layer(%164#0, %90, %block_tables, %103, %164#1, %165, %target.model.layers.29.input_layernorm.weight, %target.model.layers.29.self_attn.q_proj.weight, %target.model.layers.29.self_attn.k_proj.weight, %target.model.layers.29.self_attn.v_proj.weight, %target.model.layers.29.self_attn.o_proj.weight, %target.model.layers.29.self_attn.q_norm.weight, %target.model.layers.29.self_attn.k_norm.weight, %target.model.layers.29.post_attention_layernorm.weight, %target.model.layers.29.mlp.gate_proj.weight, %target.model.layers.29.mlp.up_proj.weight, %target.model.layers.29.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %167 = stablehlo.constant dense<30> : tensor<i32>
    %168:2 = func.call @target_layer(%166#0, %90, %block_tables, %103, %166#1, %167, %target.model.layers.30.input_layernorm.weight, %target.model.layers.30.self_attn.q_proj.weight, %target.model.layers.30.self_attn.k_proj.weight, %target.model.layers.30.self_attn.v_proj.weight, %target.model.layers.30.self_attn.o_proj.weight, %target.model.layers.30.self_attn.q_norm.weight, %target.model.layers.30.self_attn.k_norm.weight, %target.model.layers.30.post_attention_layernorm.weight, %target.model.layers.30.mlp.gate_proj.weight, %target.model.layers.30.mlp.up_proj.weight, %target.model.layers.30.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %169 = stablehlo.constant dense<31> : tensor<i32>
    %170:2 = func.call @target_layer(%168#0, %90, %block_tables, %103, %168#1, %169, %target.model.layers.31.input_layernorm.weight, %target.model.layers.31.self_attn.q_proj.weight, %target.model.layers.31.self_attn.k_proj.weight, %target.model.layers.31.self_attn.v_proj.weight, %target.model.layers.31.self_attn.o_proj.weight, %target.model.layers.31.self_attn.q_norm.weight, %target.model.layers.31.self_attn.k_norm.weight, %target.model.layers.31.post_attention_layernorm.weight, %target.model.layers.31.mlp.gate_proj.weight, %target.model.layers.31.mlp.up_proj.weight, %target.model.layers.31.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %171 = stablehlo.constant dense<32> : tensor<i32>
    %172:2 = func.call @target_layer(%170#0, %90, %block_tables, %103, %170#1, %171, %target.model.layers.32.input_layernorm.weight, %target.model.layers.32.self_attn.q_proj.weight, %target.model.layers.32.self_attn.k_proj.weight, %target.model.layers.32.self_attn.v_proj.weight, %target.model.layers.32.self_attn.o_proj.weight, %target.model.layers.32.self_attn.q_norm.weight, %target.model.layers.32.self_attn.k_norm.weight, %target.model.layers.32.post_attention_layernorm.weight, %target.model.layers.32.mlp.gate_proj.weight, %target.model.layers.32.mlp.up_proj.weight, %target.model.layers.32.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %173 = stablehlo.constant dense<33> : tensor<i32>
    %174:2 = func.call @target_layer(%172#0, %90, %block_tables, %103, %172#1, %173, %target.model.layers.33.input_layernorm.weight, %target.model.layers.33.self_attn.q_proj.weight, %target.model.layers.33.self_attn.k_proj.weight, %target.model.layers.33.self_attn.v_proj.weight, %target.model.layers.33.self_attn.o_proj.weight, %target.model.layers.33.self_attn.q_norm.weight, %target.model.layers.33.self_attn.k_norm.weight, %target.model.layers.33.post_attention_layernorm.weight, %target.model.layers.33.mlp.gate_proj.weight, %target.model.layers.33.mlp.up_proj.weight, %target.model.layers.33.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %175 = stablehlo.constant dense<34> : tensor<i32>
    %176:2 = func.call @target_layer(%174#0, %90, %block_tables, %103, %174#1, %175, %target.model.layers.34.input_layernorm.weight, %target.model.layers.34.self_attn.q_proj.weight, %target.model.layers.34.self_attn.k_proj.weight, %target.model.layers.34.self_attn.v_proj.weight, %target.model.layers.34.self_attn.o_proj.weight, %target.model.layers.34.self_attn.q_norm.weight, %target.model.layers.34.self_attn.k_norm.weight, %target.model.layers.34.post_attention_layernorm.weight, %target.model.layers.34.mlp.gate_proj.weight, %target.model.layers.34.mlp.up_proj.weight, %target.model.layers.34.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %177 = stablehlo.constant dense<35> : tensor<i32>
    %178:2 = func.call @target_layer(%176#0, %90, %block_tables, %103, %176#1, %177, %target.model.layers.35.input_layernorm.weight, %target.model.layers.35.self_attn.q_proj.weight, %target.model.layers.35.self_attn.k_proj.weight, %target.model.layers.35.self_attn.v_proj.weight, %target.model.layers.35.self_attn.o_proj.weight, %target.model.layers.35.self_attn.q_norm.weight, %target.model.layers.35.self_attn.k_norm.weight, %target.model.layers.35.post_attention_layernorm.weight, %target.model.layers.35.mlp.gate_proj.weight, %target.model.layers.35.mlp.up_proj.weight, %target.model.layers.35.mlp.down_proj.weight) : (tensor<16x2560xbf16>, tensor<1x16xi32>, tensor<1x129xi32>, tensor<16xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<i32>, tensor<2560xbf16>, tensor<4096x2560xbf16>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<2560x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<2560xbf16>, tensor<9728x2560xbf16>, tensor<9728x2560xbf16>, tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>)
    %179 = stablehlo.convert %178#0 : (tensor<16x2560xbf16>) -> tensor<16x2560xf32>
    %180 = stablehlo.multiply %179, %179 : tensor<16x2560xf32>
    %181 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %182 = stablehlo.reduce(%180 init: %181) applies stablehlo.add across dimensions = [1] : (tensor<16x2560xf32>, tensor<f32>) -> tensor<16xf32>
    %183 = stablehlo.constant dense<2.560000e+03> : tensor<16xf32>
    %184 = stablehlo.divide %182, %183 : tensor<16xf32>
    %185 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %186 = stablehlo.add %184, %185 : tensor<16xf32>
    %187 = stablehlo.rsqrt %186 : tensor<16xf32>
    %188 = stablehlo.broadcast_in_dim %187, dims = [0] : (tensor<16xf32>) -> tensor<16x2560xf32>
    %189 = stablehlo.multiply %179, %188 : tensor<16x2560xf32>
    %190 = stablehlo.convert %target.model.norm.weight : (tensor<2560xbf16>) -> tensor<2560xf32>
    %191 = stablehlo.broadcast_in_dim %190, dims = [1] : (tensor<2560xf32>) -> tensor<16x2560xf32>
    %192 = stablehlo.multiply %189, %191 : tensor<16x2560xf32>
    %193 = stablehlo.convert %192 : (tensor<16x2560xf32>) -> tensor<16x2560xbf16>
    %194 = stablehlo.dot_general %193, %target.model.embed_tokens.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<151936x2560xbf16>) -> tensor<16x151936xf32>
    %195 = stablehlo.iota dim = 1 : tensor<16x151936xi32>
    %196 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %197 = stablehlo.constant dense<0> : tensor<i32>
    %198:2 = stablehlo.reduce(%194 init: %196), (%195 init: %197) across dimensions = [1] : (tensor<16x151936xf32>, tensor<16x151936xi32>, tensor<f32>, tensor<i32>) -> (tensor<16xf32>, tensor<16xi32>)
      reducer(%arg467: tensor<f32>, %arg469: tensor<f32>) (%arg468: tensor<i32>, %arg470: tensor<i32>) {
        %199 = stablehlo.compare  GT, %arg467, %arg469,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %200 = stablehlo.compare  EQ, %arg467, %arg469,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %201 = stablehlo.compare  LT, %arg468, %arg470,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %202 = stablehlo.and %200, %201 : tensor<i1>
        %203 = stablehlo.or %199, %202 : tensor<i1>
        %204 = stablehlo.select %203, %arg467, %arg469 : tensor<i1>, tensor<f32>
        %205 = stablehlo.select %203, %arg468, %arg470 : tensor<i1>, tensor<i32>
        stablehlo.return %204, %205 : tensor<f32>, tensor<i32>
      }
    %206 = stablehlo.reshape %198#1 : (tensor<16xi32>) -> tensor<1x16xi32>
    %207 = stablehlo.slice %87 [0:1, 1:16] : (tensor<1x16xi32>) -> tensor<1x15xi32>
    %208 = stablehlo.slice %206 [0:1, 0:15] : (tensor<1x16xi32>) -> tensor<1x15xi32>
    %209 = stablehlo.compare  EQ, %207, %208,  SIGNED : (tensor<1x15xi32>, tensor<1x15xi32>) -> tensor<1x15xi1>
    %210 = stablehlo.iota dim = 1 : tensor<1x15xi32>
    %211 = stablehlo.constant dense<15> : tensor<1x15xi32>
    %212 = stablehlo.select %209, %211, %210 : tensor<1x15xi1>, tensor<1x15xi32>
    %213 = stablehlo.constant dense<15> : tensor<i32>
    %214 = stablehlo.reduce(%212 init: %213) applies stablehlo.minimum across dimensions = [1] : (tensor<1x15xi32>, tensor<i32>) -> tensor<1xi32>
    %215 = stablehlo.reshape %90 : (tensor<1x16xi32>) -> tensor<16xi32>
    %216 = stablehlo.concatenate %110#0, %126#0, %142#0, %158#0, %174#0, dim = 1 : (tensor<16x2560xbf16>, tensor<16x2560xbf16>, tensor<16x2560xbf16>, tensor<16x2560xbf16>, tensor<16x2560xbf16>) -> tensor<16x12800xbf16>
    %217 = stablehlo.dot_general %216, %draft.fc.weight, contracting_dims = [1] x [1] : (tensor<16x12800xbf16>, tensor<2560x12800xbf16>) -> tensor<16x2560xf32>
    %218 = stablehlo.convert %217 : (tensor<16x2560xf32>) -> tensor<16x2560xbf16>
    %219 = stablehlo.convert %218 : (tensor<16x2560xbf16>) -> tensor<16x2560xf32>
    %220 = stablehlo.multiply %219, %219 : tensor<16x2560xf32>
    %221 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %222 = stablehlo.reduce(%220 init: %221) applies stablehlo.add across dimensions = [1] : (tensor<16x2560xf32>, tensor<f32>) -> tensor<16xf32>
    %223 = stablehlo.constant dense<2.560000e+03> : tensor<16xf32>
    %224 = stablehlo.divide %222, %223 : tensor<16xf32>
    %225 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %226 = stablehlo.add %224, %225 : tensor<16xf32>
    %227 = stablehlo.rsqrt %226 : tensor<16xf32>
    %228 = stablehlo.broadcast_in_dim %227, dims = [0] : (tensor<16xf32>) -> tensor<16x2560xf32>
    %229 = stablehlo.multiply %219, %228 : tensor<16x2560xf32>
    %230 = stablehlo.convert %draft.hidden_norm.weight : (tensor<2560xbf16>) -> tensor<2560xf32>
    %231 = stablehlo.broadcast_in_dim %230, dims = [1] : (tensor<2560xf32>) -> tensor<16x2560xf32>
    %232 = stablehlo.multiply %229, %231 : tensor<16x2560xf32>
    %233 = stablehlo.convert %232 : (tensor<16x2560xf32>) -> tensor<16x2560xbf16>
    %234:2 = func.call @draft_context(%233, %215, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.k_norm.weight) : (tensor<16x2560xbf16>, tensor<16xi32>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<128xbf16>) -> (tensor<16x8x128xbf16>, tensor<16x8x128xbf16>)
    %235 = stablehlo.reshape %234#0 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %236 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %237 = stablehlo.constant dense<0> : tensor<1xi32>
    %238 = stablehlo.maximum %draft_slots, %237 : tensor<1xi32>
    %239 = stablehlo.constant dense<16> : tensor<1xi32>
    %240 = stablehlo.minimum %238, %239 : tensor<1xi32>
    %241 = stablehlo.reshape %240 : (tensor<1xi32>) -> tensor<1x1xi32>
    %242 = stablehlo.constant dense<0> : tensor<1xi32>
    %243 = stablehlo.maximum %seq_lens, %242 : tensor<1xi32>
    %244 = stablehlo.constant dense<8304> : tensor<1xi32>
    %245 = stablehlo.minimum %243, %244 : tensor<1xi32>
    %246 = stablehlo.reshape %245 : (tensor<1xi32>) -> tensor<1x1xi32>
    %247 = stablehlo.concatenate %236, %241, %246, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %248 = "stablehlo.scatter"(%draft_k, %247, %235) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg471: tensor<bf16>, %arg472: tensor<bf16>):
      stablehlo.return %arg472 : tensor<bf16>
    }) : (tensor<5x17x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x16x8x128xbf16>) -> tensor<5x17x8320x8x128xbf16>
    %249 = stablehlo.reshape %234#1 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %250 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %251 = stablehlo.constant dense<0> : tensor<1xi32>
    %252 = stablehlo.maximum %draft_slots, %251 : tensor<1xi32>
    %253 = stablehlo.constant dense<16> : tensor<1xi32>
    %254 = stablehlo.minimum %252, %253 : tensor<1xi32>
    %255 = stablehlo.reshape %254 : (tensor<1xi32>) -> tensor<1x1xi32>
    %256 = stablehlo.constant dense<0> : tensor<1xi32>
    %257 = stablehlo.maximum %seq_lens, %256 : tensor<1xi32>
    %258 = stablehlo.constant dense<8304> : tensor<1xi32>
    %259 = stablehlo.minimum %257, %258 : tensor<1xi32>
    %260 = stablehlo.reshape %259 : (tensor<1xi32>) -> tensor<1x1xi32>
    %261 = stablehlo.concatenate %250, %255, %260, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %262 = "stablehlo.scatter"(%draft_v, %261, %249) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg473: tensor<bf16>, %arg474: tensor<bf16>):
      stablehlo.return %arg474 : tensor<bf16>
    }) : (tensor<5x17x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x16x8x128xbf16>) -> tensor<5x17x8320x8x128xbf16>
    %263:2 = func.call @draft_context(%233, %215, %draft.layers.1.self_attn.k_proj.weight, %draft.layers.1.self_attn.v_proj.weight, %draft.layers.1.self_attn.k_norm.weight) : (tensor<16x2560xbf16>, tensor<16xi32>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<128xbf16>) -> (tensor<16x8x128xbf16>, tensor<16x8x128xbf16>)
    %264 = stablehlo.reshape %263#0 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %265 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %266 = stablehlo.constant dense<0> : tensor<1xi32>
    %267 = stablehlo.maximum %draft_slots, %266 : tensor<1xi32>
    %268 = stablehlo.constant dense<16> : tensor<1xi32>
    %269 = stablehlo.minimum %267, %268 : tensor<1xi32>
    %270 = stablehlo.reshape %269 : (tensor<1xi32>) -> tensor<1x1xi32>
    %271 = stablehlo.constant dense<0> : tensor<1xi32>
    %272 = stablehlo.maximum %seq_lens, %271 : tensor<1xi32>
    %273 = stablehlo.constant dense<8304> : tensor<1xi32>
    %274 = stablehlo.minimum %272, %273 : tensor<1xi32>
    %275 = stablehlo.reshape %274 : (tensor<1xi32>) -> tensor<1x1xi32>
    %276 = stablehlo.concatenate %265, %270, %275, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %277 = "stablehlo.scatter"(%248, %276, %264) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg475: tensor<bf16>, %arg476: tensor<bf16>):
      stablehlo.return %arg476 : tensor<bf16>
    }) : (tensor<5x17x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x16x8x128xbf16>) -> tensor<5x17x8320x8x128xbf16>
    %278 = stablehlo.reshape %263#1 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %279 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %280 = stablehlo.constant dense<0> : tensor<1xi32>
    %281 = stablehlo.maximum %draft_slots, %280 : tensor<1xi32>
    %282 = stablehlo.constant dense<16> : tensor<1xi32>
    %283 = stablehlo.minimum %281, %282 : tensor<1xi32>
    %284 = stablehlo.reshape %283 : (tensor<1xi32>) -> tensor<1x1xi32>
    %285 = stablehlo.constant dense<0> : tensor<1xi32>
    %286 = stablehlo.maximum %seq_lens, %285 : tensor<1xi32>
    %287 = stablehlo.constant dense<8304> : tensor<1xi32>
    %288 = stablehlo.minimum %286, %287 : tensor<1xi32>
    %289 = stablehlo.reshape %288 : (tensor<1xi32>) -> tensor<1x1xi32>
    %290 = stablehlo.concatenate %279, %284, %289, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %291 = "stablehlo.scatter"(%262, %290, %278) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg477: tensor<bf16>, %arg478: tensor<bf16>):
      stablehlo.return %arg478 : tensor<bf16>
    }) : (tensor<5x17x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x16x8x128xbf16>) -> tensor<5x17x8320x8x128xbf16>
    %292:2 = func.call @draft_context(%233, %215, %draft.layers.2.self_attn.k_proj.weight, %draft.layers.2.self_attn.v_proj.weight, %draft.layers.2.self_attn.k_norm.weight) : (tensor<16x2560xbf16>, tensor<16xi32>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<128xbf16>) -> (tensor<16x8x128xbf16>, tensor<16x8x128xbf16>)
    %293 = stablehlo.reshape %292#0 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %294 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %295 = stablehlo.constant dense<0> : tensor<1xi32>
    %296 = stablehlo.maximum %draft_slots, %295 : tensor<1xi32>
    %297 = stablehlo.constant dense<16> : tensor<1xi32>
    %298 = stablehlo.minimum %296, %297 : tensor<1xi32>
    %299 = stablehlo.reshape %298 : (tensor<1xi32>) -> tensor<1x1xi32>
    %300 = stablehlo.constant dense<0> : tensor<1xi32>
    %301 = stablehlo.maximum %seq_lens, %300 : tensor<1xi32>
    %302 = stablehlo.constant dense<8304> : tensor<1xi32>
    %303 = stablehlo.minimum %301, %302 : tensor<1xi32>
    %304 = stablehlo.reshape %303 : (tensor<1xi32>) -> tensor<1x1xi32>
    %305 = stablehlo.concatenate %294, %299, %304, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %306 = "stablehlo.scatter"(%277, %305, %293) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg479: tensor<bf16>, %arg480: tensor<bf16>):
      stablehlo.return %arg480 : tensor<bf16>
    }) : (tensor<5x17x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x16x8x128xbf16>) -> tensor<5x17x8320x8x128xbf16>
    %307 = stablehlo.reshape %292#1 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %308 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %309 = stablehlo.constant dense<0> : tensor<1xi32>
    %310 = stablehlo.maximum %draft_slots, %309 : tensor<1xi32>
    %311 = stablehlo.constant dense<16> : tensor<1xi32>
    %312 = stablehlo.minimum %310, %311 : tensor<1xi32>
    %313 = stablehlo.reshape %312 : (tensor<1xi32>) -> tensor<1x1xi32>
    %314 = stablehlo.constant dense<0> : tensor<1xi32>
    %315 = stablehlo.maximum %seq_lens, %314 : tensor<1xi32>
    %316 = stablehlo.constant dense<8304> : tensor<1xi32>
    %317 = stablehlo.minimum %315, %316 : tensor<1xi32>
    %318 = stablehlo.reshape %317 : (tensor<1xi32>) -> tensor<1x1xi32>
    %319 = stablehlo.concatenate %308, %313, %318, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %320 = "stablehlo.scatter"(%291, %319, %307) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg481: tensor<bf16>, %arg482: tensor<bf16>):
      stablehlo.return %arg482 : tensor<bf16>
    }) : (tensor<5x17x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x16x8x128xbf16>) -> tensor<5x17x8320x8x128xbf16>
    %321:2 = func.call @draft_context(%233, %215, %draft.layers.3.self_attn.k_proj.weight, %draft.layers.3.self_attn.v_proj.weight, %draft.layers.3.self_attn.k_norm.weight) : (tensor<16x2560xbf16>, tensor<16xi32>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<128xbf16>) -> (tensor<16x8x128xbf16>, tensor<16x8x128xbf16>)
    %322 = stablehlo.reshape %321#0 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %323 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %324 = stablehlo.constant dense<0> : tensor<1xi32>
    %325 = stablehlo.maximum %draft_slots, %324 : tensor<1xi32>
    %326 = stablehlo.constant dense<16> : tensor<1xi32>
    %327 = stablehlo.minimum %325, %326 : tensor<1xi32>
    %328 = stablehlo.reshape %327 : (tensor<1xi32>) -> tensor<1x1xi32>
    %329 = stablehlo.constant dense<0> : tensor<1xi32>
    %330 = stablehlo.maximum %seq_lens, %329 : tensor<1xi32>
    %331 = stablehlo.constant dense<8304> : tensor<1xi32>
    %332 = stablehlo.minimum %330, %331 : tensor<1xi32>
    %333 = stablehlo.reshape %332 : (tensor<1xi32>) -> tensor<1x1xi32>
    %334 = stablehlo.concatenate %323, %328, %333, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %335 = "stablehlo.scatter"(%306, %334, %322) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg483: tensor<bf16>, %arg484: tensor<bf16>):
      stablehlo.return %arg484 : tensor<bf16>
    }) : (tensor<5x17x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x16x8x128xbf16>) -> tensor<5x17x8320x8x128xbf16>
    %336 = stablehlo.reshape %321#1 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %337 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %338 = stablehlo.constant dense<0> : tensor<1xi32>
    %339 = stablehlo.maximum %draft_slots, %338 : tensor<1xi32>
    %340 = stablehlo.constant dense<16> : tensor<1xi32>
    %341 = stablehlo.minimum %339, %340 : tensor<1xi32>
    %342 = stablehlo.reshape %341 : (tensor<1xi32>) -> tensor<1x1xi32>
    %343 = stablehlo.constant dense<0> : tensor<1xi32>
    %344 = stablehlo.maximum %seq_lens, %343 : tensor<1xi32>
    %345 = stablehlo.constant dense<8304> : tensor<1xi32>
    %346 = stablehlo.minimum %344, %345 : tensor<1xi32>
    %347 = stablehlo.reshape %346 : (tensor<1xi32>) -> tensor<1x1xi32>
    %348 = stablehlo.concatenate %337, %342, %347, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %349 = "stablehlo.scatter"(%320, %348, %336) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg485: tensor<bf16>, %arg486: tensor<bf16>):
      stablehlo.return %arg486 : tensor<bf16>
    }) : (tensor<5x17x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x16x8x128xbf16>) -> tensor<5x17x8320x8x128xbf16>
    %350:2 = func.call @draft_context(%233, %215, %draft.layers.4.self_attn.k_proj.weight, %draft.layers.4.self_attn.v_proj.weight, %draft.layers.4.self_attn.k_norm.weight) : (tensor<16x2560xbf16>, tensor<16xi32>, tensor<1024x2560xbf16>, tensor<1024x2560xbf16>, tensor<128xbf16>) -> (tensor<16x8x128xbf16>, tensor<16x8x128xbf16>)
    %351 = stablehlo.reshape %350#0 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %352 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %353 = stablehlo.constant dense<0> : tensor<1xi32>
    %354 = stablehlo.maximum %draft_slots, %353 : tensor<1xi32>
    %355 = stablehlo.constant dense<16> : tensor<1xi32>
    %356 = stablehlo.minimum %354, %355 : tensor<1xi32>
    %357 = stablehlo.reshape %356 : (tensor<1xi32>) -> tensor<1x1xi32>
    %358 = stablehlo.constant dense<0> : tensor<1xi32>
    %359 = stablehlo.maximum %seq_lens, %358 : tensor<1xi32>
    %360 = stablehlo.constant dense<8304> : tensor<1xi32>
    %361 = stablehlo.minimum %359, %360 : tensor<1xi32>
    %362 = stablehlo.reshape %361 : (tensor<1xi32>) -> tensor<1x1xi32>
    %363 = stablehlo.concatenate %352, %357, %362, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %364 = "stablehlo.scatter"(%335, %363, %351) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg487: tensor<bf16>, %arg488: tensor<bf16>):
      stablehlo.return %arg488 : tensor<bf16>
    }) : (tensor<5x17x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x16x8x128xbf16>) -> tensor<5x17x8320x8x128xbf16>
    %365 = stablehlo.reshape %350#1 : (tensor<16x8x128xbf16>) -> tensor<1x16x8x128xbf16>
    %366 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %367 = stablehlo.constant dense<0> : tensor<1xi32>
    %368 = stablehlo.maximum %draft_slots, %367 : tensor<1xi32>
    %369 = stablehlo.constant dense<16> : tensor<1xi32>
    %370 = stablehlo.minimum %368, %369 : tensor<1xi32>
    %371 = stablehlo.reshape %370 : (tensor<1xi32>) -> tensor<1x1xi32>
    %372 = stablehlo.constant dense<0> : tensor<1xi32>
    %373 = stablehlo.maximum %seq_lens, %372 : tensor<1xi32>
    %374 = stablehlo.constant dense<8304> : tensor<1xi32>
    %375 = stablehlo.minimum %373, %374 : tensor<1xi32>
    %376 = stablehlo.reshape %375 : (tensor<1xi32>) -> tensor<1x1xi32>
    %377 = stablehlo.concatenate %366, %371, %376, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %378 = "stablehlo.scatter"(%349, %377, %365) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg489: tensor<bf16>, %arg490: tensor<bf16>):
      stablehlo.return %arg490 : tensor<bf16>
    }) : (tensor<5x17x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x16x8x128xbf16>) -> tensor<5x17x8320x8x128xbf16>
    return %214, %206, %85, %178#1, %364, %378 : tensor<1xi32>, tensor<1x16xi32>, tensor<1x15xi32>, tensor<36x2x8x1024x64x128xbf16>, tensor<5x17x8320x8x128xbf16>, tensor<5x17x8320x8x128xbf16>
  }
  func.func private @draft_layer(%x: tensor<16x2560xbf16>, %positions: tensor<16xi32>, %seq_lens: tensor<1xi32>, %k_ctx: tensor<1x8320x8x128xbf16>, %v_ctx: tensor<1x8320x8x128xbf16>, %input_layernorm.weight: tensor<2560xbf16>, %self_attn.q_proj.weight: tensor<4096x2560xbf16>, %self_attn.k_proj.weight: tensor<1024x2560xbf16>, %self_attn.v_proj.weight: tensor<1024x2560xbf16>, %self_attn.o_proj.weight: tensor<2560x4096xbf16>, %self_attn.q_norm.weight: tensor<128xbf16>, %self_attn.k_norm.weight: tensor<128xbf16>, %post_attention_layernorm.weight: tensor<2560xbf16>, %mlp.gate_proj.weight: tensor<9728x2560xbf16>, %mlp.up_proj.weight: tensor<9728x2560xbf16>, %mlp.down_proj.weight: tensor<2560x9728xbf16>) -> tensor<16x2560xbf16> {
    %0 = stablehlo.convert %x : (tensor<16x2560xbf16>) -> tensor<16x2560xf32>
    %1 = stablehlo.multiply %0, %0 : tensor<16x2560xf32>
    %2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %3 = stablehlo.reduce(%1 init: %2) applies stablehlo.add across dimensions = [1] : (tensor<16x2560xf32>, tensor<f32>) -> tensor<16xf32>
    %4 = stablehlo.constant dense<2.560000e+03> : tensor<16xf32>
    %5 = stablehlo.divide %3, %4 : tensor<16xf32>
    %6 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %7 = stablehlo.add %5, %6 : tensor<16xf32>
    %8 = stablehlo.rsqrt %7 : tensor<16xf32>
    %9 = stablehlo.broadcast_in_dim %8, dims = [0] : (tensor<16xf32>) -> tensor<16x2560xf32>
    %10 = stablehlo.multiply %0, %9 : tensor<16x2560xf32>
    %11 = stablehlo.convert %input_layernorm.weight : (tensor<2560xbf16>) -> tensor<2560xf32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [1] : (tensor<2560xf32>) -> tensor<16x2560xf32>
    %13 = stablehlo.multiply %10, %12 : tensor<16x2560xf32>
    %14 = stablehlo.convert %13 : (tensor<16x2560xf32>) -> tensor<16x2560xbf16>
    %15 = stablehlo.dot_general %14, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<4096x2560xbf16>) -> tensor<16x4096xf32>
    %16 = stablehlo.convert %15 : (tensor<16x4096xf32>) -> tensor<16x4096xbf16>
    %17 = stablehlo.reshape %16 : (tensor<16x4096xbf16>) -> tensor<16x32x128xbf16>
    %18 = stablehlo.dot_general %14, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<1024x2560xbf16>) -> tensor<16x1024xf32>
    %19 = stablehlo.convert %18 : (tensor<16x1024xf32>) -> tensor<16x1024xbf16>
    %20 = stablehlo.reshape %19 : (tensor<16x1024xbf16>) -> tensor<16x8x128xbf16>
    %21 = stablehlo.dot_general %14, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<1024x2560xbf16>) -> tensor<16x1024xf32>
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
    %129 = stablehlo.dot_general %128, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<16x4096xbf16>, tensor<2560x4096xbf16>) -> tensor<16x2560xf32>
    %130 = stablehlo.convert %129 : (tensor<16x2560xf32>) -> tensor<16x2560xbf16>
    %131 = stablehlo.add %x, %130 : tensor<16x2560xbf16>
    %132 = stablehlo.convert %131 : (tensor<16x2560xbf16>) -> tensor<16x2560xf32>
    %133 = stablehlo.multiply %132, %132 : tensor<16x2560xf32>
    %134 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %135 = stablehlo.reduce(%133 init: %134) applies stablehlo.add across dimensions = [1] : (tensor<16x2560xf32>, tensor<f32>) -> tensor<16xf32>
    %136 = stablehlo.constant dense<2.560000e+03> : tensor<16xf32>
    %137 = stablehlo.divide %135, %136 : tensor<16xf32>
    %138 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %139 = stablehlo.add %137, %138 : tensor<16xf32>
    %140 = stablehlo.rsqrt %139 : tensor<16xf32>
    %141 = stablehlo.broadcast_in_dim %140, dims = [0] : (tensor<16xf32>) -> tensor<16x2560xf32>
    %142 = stablehlo.multiply %132, %141 : tensor<16x2560xf32>
    %143 = stablehlo.convert %post_attention_layernorm.weight : (tensor<2560xbf16>) -> tensor<2560xf32>
    %144 = stablehlo.broadcast_in_dim %143, dims = [1] : (tensor<2560xf32>) -> tensor<16x2560xf32>
    %145 = stablehlo.multiply %142, %144 : tensor<16x2560xf32>
    %146 = stablehlo.convert %145 : (tensor<16x2560xf32>) -> tensor<16x2560xbf16>
    %147 = stablehlo.dot_general %146, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<9728x2560xbf16>) -> tensor<16x9728xf32>
    %148 = stablehlo.convert %147 : (tensor<16x9728xf32>) -> tensor<16x9728xbf16>
    %149 = stablehlo.dot_general %146, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<9728x2560xbf16>) -> tensor<16x9728xf32>
    %150 = stablehlo.convert %149 : (tensor<16x9728xf32>) -> tensor<16x9728xbf16>
    %151 = stablehlo.convert %148 : (tensor<16x9728xbf16>) -> tensor<16x9728xf32>
    %152 = stablehlo.logistic %151 : tensor<16x9728xf32>
    %153 = stablehlo.multiply %151, %152 : tensor<16x9728xf32>
    %154 = stablehlo.convert %150 : (tensor<16x9728xbf16>) -> tensor<16x9728xf32>
    %155 = stablehlo.multiply %153, %154 : tensor<16x9728xf32>
    %156 = stablehlo.convert %155 : (tensor<16x9728xf32>) -> tensor<16x9728xbf16>
    %157 = stablehlo.dot_general %156, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<16x9728xbf16>, tensor<2560x9728xbf16>) -> tensor<16x2560xf32>
    %158 = stablehlo.convert %157 : (tensor<16x2560xf32>) -> tensor<16x2560xbf16>
    %159 = stablehlo.add %131, %158 : tensor<16x2560xbf16>
    return %159 : tensor<16x2560xbf16>
  }
  func.func private @target_layer(%x: tensor<16x2560xbf16>, %positions: tensor<1x16xi32>, %tables: tensor<1x129xi32>, %rows: tensor<16xi32>, %target_kv: tensor<36x2x8x1024x64x128xbf16>, %layer: tensor<i32>, %input_layernorm.weight: tensor<2560xbf16>, %self_attn.q_proj.weight: tensor<4096x2560xbf16>, %self_attn.k_proj.weight: tensor<1024x2560xbf16>, %self_attn.v_proj.weight: tensor<1024x2560xbf16>, %self_attn.o_proj.weight: tensor<2560x4096xbf16>, %self_attn.q_norm.weight: tensor<128xbf16>, %self_attn.k_norm.weight: tensor<128xbf16>, %post_attention_layernorm.weight: tensor<2560xbf16>, %mlp.gate_proj.weight: tensor<9728x2560xbf16>, %mlp.up_proj.weight: tensor<9728x2560xbf16>, %mlp.down_proj.weight: tensor<2560x9728xbf16>) -> (tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>) {
    %0 = stablehlo.reshape %positions : (tensor<1x16xi32>) -> tensor<16xi32>
    %1 = stablehlo.convert %x : (tensor<16x2560xbf16>) -> tensor<16x2560xf32>
    %2 = stablehlo.multiply %1, %1 : tensor<16x2560xf32>
    %3 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %4 = stablehlo.reduce(%2 init: %3) applies stablehlo.add across dimensions = [1] : (tensor<16x2560xf32>, tensor<f32>) -> tensor<16xf32>
    %5 = stablehlo.constant dense<2.560000e+03> : tensor<16xf32>
    %6 = stablehlo.divide %4, %5 : tensor<16xf32>
    %7 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %8 = stablehlo.add %6, %7 : tensor<16xf32>
    %9 = stablehlo.rsqrt %8 : tensor<16xf32>
    %10 = stablehlo.broadcast_in_dim %9, dims = [0] : (tensor<16xf32>) -> tensor<16x2560xf32>
    %11 = stablehlo.multiply %1, %10 : tensor<16x2560xf32>
    %12 = stablehlo.convert %input_layernorm.weight : (tensor<2560xbf16>) -> tensor<2560xf32>
    %13 = stablehlo.broadcast_in_dim %12, dims = [1] : (tensor<2560xf32>) -> tensor<16x2560xf32>
    %14 = stablehlo.multiply %11, %13 : tensor<16x2560xf32>
    %15 = stablehlo.convert %14 : (tensor<16x2560xf32>) -> tensor<16x2560xbf16>
    %16 = stablehlo.dot_general %15, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<4096x2560xbf16>) -> tensor<16x4096xf32>
    %17 = stablehlo.convert %16 : (tensor<16x4096xf32>) -> tensor<16x4096xbf16>
    %18 = stablehlo.reshape %17 : (tensor<16x4096xbf16>) -> tensor<16x32x128xbf16>
    %19 = stablehlo.dot_general %15, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<1024x2560xbf16>) -> tensor<16x1024xf32>
    %20 = stablehlo.convert %19 : (tensor<16x1024xf32>) -> tensor<16x1024xbf16>
    %21 = stablehlo.reshape %20 : (tensor<16x1024xbf16>) -> tensor<16x8x128xbf16>
    %22 = stablehlo.dot_general %15, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<1024x2560xbf16>) -> tensor<16x1024xf32>
    %23 = stablehlo.convert %22 : (tensor<16x1024xf32>) -> tensor<16x1024xbf16>
    %24 = stablehlo.reshape %23 : (tensor<16x1024xbf16>) -> tensor<16x8x128xbf16>
    %25 = stablehlo.convert %18 : (tensor<16x32x128xbf16>) -> tensor<16x32x128xf32>
    %26 = stablehlo.multiply %25, %25 : tensor<16x32x128xf32>
    %27 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %28 = stablehlo.reduce(%26 init: %27) applies stablehlo.add across dimensions = [2] : (tensor<16x32x128xf32>, tensor<f32>) -> tensor<16x32xf32>
    %29 = stablehlo.constant dense<1.280000e+02> : tensor<16x32xf32>
    %30 = stablehlo.divide %28, %29 : tensor<16x32xf32>
    %31 = stablehlo.constant dense<1.000000e-06> : tensor<16x32xf32>
    %32 = stablehlo.add %30, %31 : tensor<16x32xf32>
    %33 = stablehlo.rsqrt %32 : tensor<16x32xf32>
    %34 = stablehlo.broadcast_in_dim %33, dims = [0, 1] : (tensor<16x32xf32>) -> tensor<16x32x128xf32>
    %35 = stablehlo.multiply %25, %34 : tensor<16x32x128xf32>
    %36 = stablehlo.convert %self_attn.q_norm.weight : (tensor<128xbf16>) -> tensor<128xf32>
    %37 = stablehlo.broadcast_in_dim %36, dims = [2] : (tensor<128xf32>) -> tensor<16x32x128xf32>
    %38 = stablehlo.multiply %35, %37 : tensor<16x32x128xf32>
    %39 = stablehlo.convert %38 : (tensor<16x32x128xf32>) -> tensor<16x32x128xbf16>
    %40 = stablehlo.convert %21 : (tensor<16x8x128xbf16>) -> tensor<16x8x128xf32>
    %41 = stablehlo.multiply %40, %40 : tensor<16x8x128xf32>
    %42 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %43 = stablehlo.reduce(%41 init: %42) applies stablehlo.add across dimensions = [2] : (tensor<16x8x128xf32>, tensor<f32>) -> tensor<16x8xf32>
    %44 = stablehlo.constant dense<1.280000e+02> : tensor<16x8xf32>
    %45 = stablehlo.divide %43, %44 : tensor<16x8xf32>
    %46 = stablehlo.constant dense<1.000000e-06> : tensor<16x8xf32>
    %47 = stablehlo.add %45, %46 : tensor<16x8xf32>
    %48 = stablehlo.rsqrt %47 : tensor<16x8xf32>
    %49 = stablehlo.broadcast_in_dim %48, dims = [0, 1] : (tensor<16x8xf32>) -> tensor<16x8x128xf32>
    %50 = stablehlo.multiply %40, %49 : tensor<16x8x128xf32>
    %51 = stablehlo.convert %self_attn.k_norm.weight : (tensor<128xbf16>) -> tensor<128xf32>
    %52 = stablehlo.broadcast_in_dim %51, dims = [2] : (tensor<128xf32>) -> tensor<16x8x128xf32>
    %53 = stablehlo.multiply %50, %52 : tensor<16x8x128xf32>
    %54 = stablehlo.convert %53 : (tensor<16x8x128xf32>) -> tensor<16x8x128xbf16>
    %55 = stablehlo.constant dense<[1.000000e+00, 8.0584216e-01, 6.4938164e-01, 5.232991e-01, 4.216965e-01, 3.3982083e-01, 2.7384198e-01, 2.2067341e-01, 1.7782794e-01, 1.4330126e-01, 1.15478195e-01, 9.305721e-02, 7.498942e-02, 6.042964e-02, 4.8696753e-02, 3.924190e-02, 3.1622775e-02, 2.5482967e-02, 2.0535251e-02, 1.6548172e-02, 1.3335214e-02, 1.0746079e-02, 8.659643e-03, 6.978306e-03, 5.6234132e-03, 4.5315837e-03, 3.6517412e-03, 2.9427272e-03, 2.3713738e-03, 1.910953e-03, 1.5399265e-03, 1.2409377e-03, 1.000000e-03, 8.0584217e-04, 6.493816e-04, 5.232991e-04, 4.2169652e-04, 3.3982084e-04, 2.7384196e-04, 2.206734e-04, 1.7782794e-04, 1.4330125e-04, 1.154782e-04, 9.3057206e-05, 7.4989424e-05, 6.042964e-05, 4.869675e-05, 3.924190e-05, 3.1622778e-05, 2.5482968e-05, 2.053525e-05, 1.654817e-05, 1.3335214e-05, 1.0746078e-05, 8.659643e-06, 6.978306e-06, 5.6234135e-06, 4.5315837e-06, 3.6517413e-06, 2.9427272e-06, 2.3713737e-06, 1.910953e-06, 1.5399265e-06, 1.2409378e-06]> : tensor<64xf32>
    %56 = stablehlo.convert %0 : (tensor<16xi32>) -> tensor<16xf32>
    %57 = stablehlo.broadcast_in_dim %56, dims = [0] : (tensor<16xf32>) -> tensor<16x64xf32>
    %58 = stablehlo.broadcast_in_dim %55, dims = [1] : (tensor<64xf32>) -> tensor<16x64xf32>
    %59 = stablehlo.multiply %57, %58 : tensor<16x64xf32>
    %60 = stablehlo.cosine %59 : tensor<16x64xf32>
    %61 = stablehlo.concatenate %60, %60, dim = 1 : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x128xf32>
    %62 = stablehlo.broadcast_in_dim %61, dims = [0, 2] : (tensor<16x128xf32>) -> tensor<16x32x128xf32>
    %63 = stablehlo.sine %59 : tensor<16x64xf32>
    %64 = stablehlo.concatenate %63, %63, dim = 1 : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x128xf32>
    %65 = stablehlo.broadcast_in_dim %64, dims = [0, 2] : (tensor<16x128xf32>) -> tensor<16x32x128xf32>
    %66 = stablehlo.convert %39 : (tensor<16x32x128xbf16>) -> tensor<16x32x128xf32>
    %67 = stablehlo.slice %66 [0:16, 0:32, 0:64] : (tensor<16x32x128xf32>) -> tensor<16x32x64xf32>
    %68 = stablehlo.slice %66 [0:16, 0:32, 64:128] : (tensor<16x32x128xf32>) -> tensor<16x32x64xf32>
    %69 = stablehlo.negate %68 : tensor<16x32x64xf32>
    %70 = stablehlo.concatenate %69, %67, dim = 2 : (tensor<16x32x64xf32>, tensor<16x32x64xf32>) -> tensor<16x32x128xf32>
    %71 = stablehlo.multiply %66, %62 : tensor<16x32x128xf32>
    %72 = stablehlo.multiply %70, %65 : tensor<16x32x128xf32>
    %73 = stablehlo.add %71, %72 : tensor<16x32x128xf32>
    %74 = stablehlo.convert %73 : (tensor<16x32x128xf32>) -> tensor<16x32x128xbf16>
    %75 = stablehlo.constant dense<[1.000000e+00, 8.0584216e-01, 6.4938164e-01, 5.232991e-01, 4.216965e-01, 3.3982083e-01, 2.7384198e-01, 2.2067341e-01, 1.7782794e-01, 1.4330126e-01, 1.15478195e-01, 9.305721e-02, 7.498942e-02, 6.042964e-02, 4.8696753e-02, 3.924190e-02, 3.1622775e-02, 2.5482967e-02, 2.0535251e-02, 1.6548172e-02, 1.3335214e-02, 1.0746079e-02, 8.659643e-03, 6.978306e-03, 5.6234132e-03, 4.5315837e-03, 3.6517412e-03, 2.9427272e-03, 2.3713738e-03, 1.910953e-03, 1.5399265e-03, 1.2409377e-03, 1.000000e-03, 8.0584217e-04, 6.493816e-04, 5.232991e-04, 4.2169652e-04, 3.3982084e-04, 2.7384196e-04, 2.206734e-04, 1.7782794e-04, 1.4330125e-04, 1.154782e-04, 9.3057206e-05, 7.4989424e-05, 6.042964e-05, 4.869675e-05, 3.924190e-05, 3.1622778e-05, 2.5482968e-05, 2.053525e-05, 1.654817e-05, 1.3335214e-05, 1.0746078e-05, 8.659643e-06, 6.978306e-06, 5.6234135e-06, 4.5315837e-06, 3.6517413e-06, 2.9427272e-06, 2.3713737e-06, 1.910953e-06, 1.5399265e-06, 1.2409378e-06]> : tensor<64xf32>
    %76 = stablehlo.convert %0 : (tensor<16xi32>) -> tensor<16xf32>
    %77 = stablehlo.broadcast_in_dim %76, dims = [0] : (tensor<16xf32>) -> tensor<16x64xf32>
    %78 = stablehlo.broadcast_in_dim %75, dims = [1] : (tensor<64xf32>) -> tensor<16x64xf32>
    %79 = stablehlo.multiply %77, %78 : tensor<16x64xf32>
    %80 = stablehlo.cosine %79 : tensor<16x64xf32>
    %81 = stablehlo.concatenate %80, %80, dim = 1 : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x128xf32>
    %82 = stablehlo.broadcast_in_dim %81, dims = [0, 2] : (tensor<16x128xf32>) -> tensor<16x8x128xf32>
    %83 = stablehlo.sine %79 : tensor<16x64xf32>
    %84 = stablehlo.concatenate %83, %83, dim = 1 : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x128xf32>
    %85 = stablehlo.broadcast_in_dim %84, dims = [0, 2] : (tensor<16x128xf32>) -> tensor<16x8x128xf32>
    %86 = stablehlo.convert %54 : (tensor<16x8x128xbf16>) -> tensor<16x8x128xf32>
    %87 = stablehlo.slice %86 [0:16, 0:8, 0:64] : (tensor<16x8x128xf32>) -> tensor<16x8x64xf32>
    %88 = stablehlo.slice %86 [0:16, 0:8, 64:128] : (tensor<16x8x128xf32>) -> tensor<16x8x64xf32>
    %89 = stablehlo.negate %88 : tensor<16x8x64xf32>
    %90 = stablehlo.concatenate %89, %87, dim = 2 : (tensor<16x8x64xf32>, tensor<16x8x64xf32>) -> tensor<16x8x128xf32>
    %91 = stablehlo.multiply %86, %82 : tensor<16x8x128xf32>
    %92 = stablehlo.multiply %90, %85 : tensor<16x8x128xf32>
    %93 = stablehlo.add %91, %92 : tensor<16x8x128xf32>
    %94 = stablehlo.convert %93 : (tensor<16x8x128xf32>) -> tensor<16x8x128xbf16>
    %95 = stablehlo.reshape %target_kv : (tensor<36x2x8x1024x64x128xbf16>) -> tensor<36x2x8x65536x128xbf16>
    %96 = stablehlo.reshape %94 : (tensor<16x8x128xbf16>) -> tensor<16x1x8x128xbf16>
    %97 = stablehlo.reshape %24 : (tensor<16x8x128xbf16>) -> tensor<16x1x8x128xbf16>
    %98 = stablehlo.concatenate %96, %97, dim = 1 : (tensor<16x1x8x128xbf16>, tensor<16x1x8x128xbf16>) -> tensor<16x2x8x128xbf16>
    %99 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<16x1xi32>
    %100 = stablehlo.reshape %rows : (tensor<16xi32>) -> tensor<16x1xi32>
    %101 = stablehlo.concatenate %99, %100, dim = 1 : (tensor<16x1xi32>, tensor<16x1xi32>) -> tensor<16x2xi32>
    %102 = "stablehlo.scatter"(%95, %101, %98) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 3], scatter_dims_to_operand_dims = [0, 3], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg17: tensor<bf16>, %arg18: tensor<bf16>):
      stablehlo.return %arg18 : tensor<bf16>
    }) : (tensor<36x2x8x65536x128xbf16>, tensor<16x2xi32>, tensor<16x2x8x128xbf16>) -> tensor<36x2x8x65536x128xbf16>
    %103 = stablehlo.reshape %102 : (tensor<36x2x8x65536x128xbf16>) -> tensor<36x2x8x1024x64x128xbf16>
    %104 = stablehlo.reshape %74 : (tensor<16x32x128xbf16>) -> tensor<1x16x32x128xbf16>
    %105 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<1x129x1xi32>
    %106 = stablehlo.constant dense<0> : tensor<1x129x1xi32>
    %107 = stablehlo.reshape %tables : (tensor<1x129xi32>) -> tensor<1x129x1xi32>
    %108 = stablehlo.concatenate %105, %106, %107, dim = 2 : (tensor<1x129x1xi32>, tensor<1x129x1xi32>, tensor<1x129x1xi32>) -> tensor<1x129x3xi32>
    %109 = "stablehlo.gather"(%103, %108) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8, 1, 64, 128>}> : (tensor<36x2x8x1024x64x128xbf16>, tensor<1x129x3xi32>) -> tensor<1x129x8x64x128xbf16>
    %110 = stablehlo.transpose %109, dims = [0, 1, 3, 2, 4] : (tensor<1x129x8x64x128xbf16>) -> tensor<1x129x64x8x128xbf16>
    %111 = stablehlo.reshape %110 : (tensor<1x129x64x8x128xbf16>) -> tensor<1x8256x8x128xbf16>
    %112 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<1x129x1xi32>
    %113 = stablehlo.constant dense<1> : tensor<1x129x1xi32>
    %114 = stablehlo.reshape %tables : (tensor<1x129xi32>) -> tensor<1x129x1xi32>
    %115 = stablehlo.concatenate %112, %113, %114, dim = 2 : (tensor<1x129x1xi32>, tensor<1x129x1xi32>, tensor<1x129x1xi32>) -> tensor<1x129x3xi32>
    %116 = "stablehlo.gather"(%103, %115) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8, 1, 64, 128>}> : (tensor<36x2x8x1024x64x128xbf16>, tensor<1x129x3xi32>) -> tensor<1x129x8x64x128xbf16>
    %117 = stablehlo.transpose %116, dims = [0, 1, 3, 2, 4] : (tensor<1x129x8x64x128xbf16>) -> tensor<1x129x64x8x128xbf16>
    %118 = stablehlo.reshape %117 : (tensor<1x129x64x8x128xbf16>) -> tensor<1x8256x8x128xbf16>
    %119 = stablehlo.iota dim = 2 : tensor<1x16x8256xi32>
    %120 = stablehlo.broadcast_in_dim %positions, dims = [0, 1] : (tensor<1x16xi32>) -> tensor<1x16x8256xi32>
    %121 = stablehlo.compare  LE, %119, %120,  SIGNED : (tensor<1x16x8256xi32>, tensor<1x16x8256xi32>) -> tensor<1x16x8256xi1>
    %122 = stablehlo.convert %104 : (tensor<1x16x32x128xbf16>) -> tensor<1x16x32x128xf32>
    %123 = stablehlo.reshape %122 : (tensor<1x16x32x128xf32>) -> tensor<1x16x8x4x128xf32>
    %124 = stablehlo.convert %111 : (tensor<1x8256x8x128xbf16>) -> tensor<1x8256x8x128xf32>
    %125 = stablehlo.dot_general %123, %124, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<1x16x8x4x128xf32>, tensor<1x8256x8x128xf32>) -> tensor<1x8x16x4x8256xf32>
    %126 = stablehlo.constant dense<8.8388346e-02> : tensor<1x8x16x4x8256xf32>
    %127 = stablehlo.multiply %125, %126 : tensor<1x8x16x4x8256xf32>
    %128 = stablehlo.broadcast_in_dim %121, dims = [0, 2, 4] : (tensor<1x16x8256xi1>) -> tensor<1x8x16x4x8256xi1>
    %129 = stablehlo.constant dense<0xFF800000> : tensor<1x8x16x4x8256xf32>
    %130 = stablehlo.select %128, %127, %129 : tensor<1x8x16x4x8256xi1>, tensor<1x8x16x4x8256xf32>
    %131 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %132 = stablehlo.reduce(%130 init: %131) applies stablehlo.maximum across dimensions = [4] : (tensor<1x8x16x4x8256xf32>, tensor<f32>) -> tensor<1x8x16x4xf32>
    %133 = stablehlo.broadcast_in_dim %132, dims = [0, 1, 2, 3] : (tensor<1x8x16x4xf32>) -> tensor<1x8x16x4x8256xf32>
    %134 = stablehlo.subtract %130, %133 : tensor<1x8x16x4x8256xf32>
    %135 = stablehlo.exponential %134 : tensor<1x8x16x4x8256xf32>
    %136 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %137 = stablehlo.reduce(%135 init: %136) applies stablehlo.add across dimensions = [4] : (tensor<1x8x16x4x8256xf32>, tensor<f32>) -> tensor<1x8x16x4xf32>
    %138 = stablehlo.broadcast_in_dim %137, dims = [0, 1, 2, 3] : (tensor<1x8x16x4xf32>) -> tensor<1x8x16x4x8256xf32>
    %139 = stablehlo.divide %135, %138 : tensor<1x8x16x4x8256xf32>
    %140 = stablehlo.convert %118 : (tensor<1x8256x8x128xbf16>) -> tensor<1x8256x8x128xf32>
    %141 = stablehlo.dot_general %139, %140, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<1x8x16x4x8256xf32>, tensor<1x8256x8x128xf32>) -> tensor<1x8x16x4x128xf32>
    %142 = stablehlo.transpose %141, dims = [0, 2, 1, 3, 4] : (tensor<1x8x16x4x128xf32>) -> tensor<1x16x8x4x128xf32>
    %143 = stablehlo.reshape %142 : (tensor<1x16x8x4x128xf32>) -> tensor<1x16x32x128xf32>
    %144 = stablehlo.convert %143 : (tensor<1x16x32x128xf32>) -> tensor<1x16x32x128xbf16>
    %145 = stablehlo.reshape %144 : (tensor<1x16x32x128xbf16>) -> tensor<16x4096xbf16>
    %146 = stablehlo.dot_general %145, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<16x4096xbf16>, tensor<2560x4096xbf16>) -> tensor<16x2560xf32>
    %147 = stablehlo.convert %146 : (tensor<16x2560xf32>) -> tensor<16x2560xbf16>
    %148 = stablehlo.add %x, %147 : tensor<16x2560xbf16>
    %149 = stablehlo.convert %148 : (tensor<16x2560xbf16>) -> tensor<16x2560xf32>
    %150 = stablehlo.multiply %149, %149 : tensor<16x2560xf32>
    %151 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %152 = stablehlo.reduce(%150 init: %151) applies stablehlo.add across dimensions = [1] : (tensor<16x2560xf32>, tensor<f32>) -> tensor<16xf32>
    %153 = stablehlo.constant dense<2.560000e+03> : tensor<16xf32>
    %154 = stablehlo.divide %152, %153 : tensor<16xf32>
    %155 = stablehlo.constant dense<1.000000e-06> : tensor<16xf32>
    %156 = stablehlo.add %154, %155 : tensor<16xf32>
    %157 = stablehlo.rsqrt %156 : tensor<16xf32>
    %158 = stablehlo.broadcast_in_dim %157, dims = [0] : (tensor<16xf32>) -> tensor<16x2560xf32>
    %159 = stablehlo.multiply %149, %158 : tensor<16x2560xf32>
    %160 = stablehlo.convert %post_attention_layernorm.weight : (tensor<2560xbf16>) -> tensor<2560xf32>
    %161 = stablehlo.broadcast_in_dim %160, dims = [1] : (tensor<2560xf32>) -> tensor<16x2560xf32>
    %162 = stablehlo.multiply %159, %161 : tensor<16x2560xf32>
    %163 = stablehlo.convert %162 : (tensor<16x2560xf32>) -> tensor<16x2560xbf16>
    %164 = stablehlo.dot_general %163, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<9728x2560xbf16>) -> tensor<16x9728xf32>
    %165 = stablehlo.convert %164 : (tensor<16x9728xf32>) -> tensor<16x9728xbf16>
    %166 = stablehlo.dot_general %163, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<9728x2560xbf16>) -> tensor<16x9728xf32>
    %167 = stablehlo.convert %166 : (tensor<16x9728xf32>) -> tensor<16x9728xbf16>
    %168 = stablehlo.convert %165 : (tensor<16x9728xbf16>) -> tensor<16x9728xf32>
    %169 = stablehlo.logistic %168 : tensor<16x9728xf32>
    %170 = stablehlo.multiply %168, %169 : tensor<16x9728xf32>
    %171 = stablehlo.convert %167 : (tensor<16x9728xbf16>) -> tensor<16x9728xf32>
    %172 = stablehlo.multiply %170, %171 : tensor<16x9728xf32>
    %173 = stablehlo.convert %172 : (tensor<16x9728xf32>) -> tensor<16x9728xbf16>
    %174 = stablehlo.dot_general %173, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<16x9728xbf16>, tensor<2560x9728xbf16>) -> tensor<16x2560xf32>
    %175 = stablehlo.convert %174 : (tensor<16x2560xf32>) -> tensor<16x2560xbf16>
    %176 = stablehlo.add %148, %175 : tensor<16x2560xbf16>
    return %176, %103 : tensor<16x2560xbf16>, tensor<36x2x8x1024x64x128xbf16>
  }
  func.func private @draft_context(%ctx: tensor<16x2560xbf16>, %positions: tensor<16xi32>, %self_attn.k_proj.weight: tensor<1024x2560xbf16>, %self_attn.v_proj.weight: tensor<1024x2560xbf16>, %self_attn.k_norm.weight: tensor<128xbf16>) -> (tensor<16x8x128xbf16>, tensor<16x8x128xbf16>) {
    %0 = stablehlo.dot_general %ctx, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<1024x2560xbf16>) -> tensor<16x1024xf32>
    %1 = stablehlo.convert %0 : (tensor<16x1024xf32>) -> tensor<16x1024xbf16>
    %2 = stablehlo.reshape %1 : (tensor<16x1024xbf16>) -> tensor<16x8x128xbf16>
    %3 = stablehlo.dot_general %ctx, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<16x2560xbf16>, tensor<1024x2560xbf16>) -> tensor<16x1024xf32>
    %4 = stablehlo.convert %3 : (tensor<16x1024xf32>) -> tensor<16x1024xbf16>
    %5 = stablehlo.reshape %4 : (tensor<16x1024xbf16>) -> tensor<16x8x128xbf16>
    %6 = stablehlo.convert %2 : (tensor<16x8x128xbf16>) -> tensor<16x8x128xf32>
    %7 = stablehlo.multiply %6, %6 : tensor<16x8x128xf32>
    %8 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %9 = stablehlo.reduce(%7 init: %8) applies stablehlo.add across dimensions = [2] : (tensor<16x8x128xf32>, tensor<f32>) -> tensor<16x8xf32>
    %10 = stablehlo.constant dense<1.280000e+02> : tensor<16x8xf32>
    %11 = stablehlo.divide %9, %10 : tensor<16x8xf32>
    %12 = stablehlo.constant dense<1.000000e-06> : tensor<16x8xf32>
    %13 = stablehlo.add %11, %12 : tensor<16x8xf32>
    %14 = stablehlo.rsqrt %13 : tensor<16x8xf32>
    %15 = stablehlo.broadcast_in_dim %14, dims = [0, 1] : (tensor<16x8xf32>) -> tensor<16x8x128xf32>
    %16 = stablehlo.multiply %6, %15 : tensor<16x8x128xf32>
    %17 = stablehlo.convert %self_attn.k_norm.weight : (tensor<128xbf16>) -> tensor<128xf32>
    %18 = stablehlo.broadcast_in_dim %17, dims = [2] : (tensor<128xf32>) -> tensor<16x8x128xf32>
    %19 = stablehlo.multiply %16, %18 : tensor<16x8x128xf32>
    %20 = stablehlo.convert %19 : (tensor<16x8x128xf32>) -> tensor<16x8x128xbf16>
    %21 = stablehlo.constant dense<[1.000000e+00, 8.0584216e-01, 6.4938164e-01, 5.232991e-01, 4.216965e-01, 3.3982083e-01, 2.7384198e-01, 2.2067341e-01, 1.7782794e-01, 1.4330126e-01, 1.15478195e-01, 9.305721e-02, 7.498942e-02, 6.042964e-02, 4.8696753e-02, 3.924190e-02, 3.1622775e-02, 2.5482967e-02, 2.0535251e-02, 1.6548172e-02, 1.3335214e-02, 1.0746079e-02, 8.659643e-03, 6.978306e-03, 5.6234132e-03, 4.5315837e-03, 3.6517412e-03, 2.9427272e-03, 2.3713738e-03, 1.910953e-03, 1.5399265e-03, 1.2409377e-03, 1.000000e-03, 8.0584217e-04, 6.493816e-04, 5.232991e-04, 4.2169652e-04, 3.3982084e-04, 2.7384196e-04, 2.206734e-04, 1.7782794e-04, 1.4330125e-04, 1.154782e-04, 9.3057206e-05, 7.4989424e-05, 6.042964e-05, 4.869675e-05, 3.924190e-05, 3.1622778e-05, 2.5482968e-05, 2.053525e-05, 1.654817e-05, 1.3335214e-05, 1.0746078e-05, 8.659643e-06, 6.978306e-06, 5.6234135e-06, 4.5315837e-06, 3.6517413e-06, 2.9427272e-06, 2.3713737e-06, 1.910953e-06, 1.5399265e-06, 1.2409378e-06]> : tensor<64xf32>
    %22 = stablehlo.convert %positions : (tensor<16xi32>) -> tensor<16xf32>
    %23 = stablehlo.broadcast_in_dim %22, dims = [0] : (tensor<16xf32>) -> tensor<16x64xf32>
    %24 = stablehlo.broadcast_in_dim %21, dims = [1] : (tensor<64xf32>) -> tensor<16x64xf32>
    %25 = stablehlo.multiply %23, %24 : tensor<16x64xf32>
    %26 = stablehlo.cosine %25 : tensor<16x64xf32>
    %27 = stablehlo.concatenate %26, %26, dim = 1 : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x128xf32>
    %28 = stablehlo.broadcast_in_dim %27, dims = [0, 2] : (tensor<16x128xf32>) -> tensor<16x8x128xf32>
    %29 = stablehlo.sine %25 : tensor<16x64xf32>
    %30 = stablehlo.concatenate %29, %29, dim = 1 : (tensor<16x64xf32>, tensor<16x64xf32>) -> tensor<16x128xf32>
    %31 = stablehlo.broadcast_in_dim %30, dims = [0, 2] : (tensor<16x128xf32>) -> tensor<16x8x128xf32>
    %32 = stablehlo.convert %20 : (tensor<16x8x128xbf16>) -> tensor<16x8x128xf32>
    %33 = stablehlo.slice %32 [0:16, 0:8, 0:64] : (tensor<16x8x128xf32>) -> tensor<16x8x64xf32>
    %34 = stablehlo.slice %32 [0:16, 0:8, 64:128] : (tensor<16x8x128xf32>) -> tensor<16x8x64xf32>
    %35 = stablehlo.negate %34 : tensor<16x8x64xf32>
    %36 = stablehlo.concatenate %35, %33, dim = 2 : (tensor<16x8x64xf32>, tensor<16x8x64xf32>) -> tensor<16x8x128xf32>
    %37 = stablehlo.multiply %32, %28 : tensor<16x8x128xf32>
    %38 = stablehlo.multiply %36, %31 : tensor<16x8x128xf32>
    %39 = stablehlo.add %37, %38 : tensor<16x8x128xf32>
    %40 = stablehlo.convert %39 : (tensor<16x8x128xf32>) -> tensor<16x8x128xbf16>
    return %40, %5 : tensor<16x8x128xbf16>, tensor<16x8x128xbf16>
  }
}
