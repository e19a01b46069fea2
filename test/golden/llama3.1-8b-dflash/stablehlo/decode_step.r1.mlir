module @decode_step_r1 {
  func.func public @main(%target.model.embed_tokens.weight: tensor<128256x4096xbf16>, %target.model.layers.0.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.0.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.0.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.0.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.0.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.0.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.0.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.0.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.0.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.1.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.1.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.1.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.1.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.1.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.1.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.1.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.1.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.1.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.2.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.2.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.2.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.2.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.2.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.2.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.2.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.2.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.2.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.3.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.3.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.3.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.3.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.3.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.3.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.3.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.3.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.3.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.4.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.4.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.4.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.4.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.4.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.4.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.4.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.4.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.4.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.5.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.5.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.5.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.5.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.5.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.5.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.5.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.5.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.5.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.6.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.6.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.6.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.6.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.6.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.6.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.6.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.6.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.6.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.7.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.7.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.7.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.7.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.7.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.7.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.7.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.7.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.7.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.8.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.8.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.8.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.8.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.8.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.8.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.8.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.8.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.8.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.9.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.9.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.9.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.9.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.9.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.9.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.9.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.9.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.9.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.10.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.10.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.10.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.10.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.10.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.10.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.10.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.10.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.10.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.11.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.11.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.11.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.11.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.11.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.11.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.11.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.11.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.11.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.12.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.12.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.12.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.12.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.12.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.12.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.12.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.12.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.12.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.13.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.13.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.13.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.13.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.13.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.13.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.13.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.13.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.13.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.14.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.14.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.14.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.14.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.14.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.14.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.14.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.14.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.14.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.15.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.15.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.15.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.15.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.15.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.15.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.15.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.15.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.15.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.16.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.16.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.16.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.16.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.16.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.16.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.16.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.16.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.16.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.17.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.17.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.17.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.17.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.17.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.17.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.17.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.17.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.17.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.18.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.18.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.18.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.18.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.18.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.18.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.18.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.18.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.18.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.19.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.19.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.19.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.19.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.19.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.19.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.19.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.19.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.19.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.20.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.20.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.20.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.20.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.20.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.20.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.20.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.20.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.20.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.21.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.21.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.21.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.21.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.21.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.21.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.21.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.21.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.21.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.22.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.22.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.22.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.22.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.22.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.22.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.22.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.22.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.22.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.23.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.23.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.23.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.23.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.23.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.23.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.23.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.23.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.23.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.24.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.24.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.24.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.24.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.24.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.24.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.24.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.24.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.24.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.25.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.25.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.25.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.25.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.25.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.25.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.25.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.25.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.25.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.26.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.26.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.26.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.26.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.26.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.26.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.26.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.26.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.26.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.27.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.27.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.27.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.27.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.27.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.27.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.27.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.27.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.27.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.28.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.28.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.28.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.28.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.28.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.28.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.28.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.28.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.28.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.29.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.29.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.29.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.29.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.29.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.29.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.29.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.29.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.29.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.30.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.30.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.30.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.30.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.30.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.30.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.30.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.30.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.30.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.31.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.31.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.31.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.31.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.31.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.31.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.31.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.31.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.31.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.norm.weight: tensor<4096xbf16>, %target.lm_head.weight: tensor<128256x4096xbf16>, %draft.fc.weight: tensor<4096x20480xbf16>, %draft.hidden_norm.weight: tensor<4096xbf16>, %draft.layers.0.input_layernorm.weight: tensor<4096xbf16>, %draft.layers.0.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %draft.layers.0.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.0.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.0.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %draft.layers.0.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.0.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.0.post_attention_layernorm.weight: tensor<4096xbf16>, %draft.layers.0.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %draft.layers.0.mlp.up_proj.weight: tensor<14336x4096xbf16>, %draft.layers.0.mlp.down_proj.weight: tensor<4096x14336xbf16>, %draft.layers.1.input_layernorm.weight: tensor<4096xbf16>, %draft.layers.1.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %draft.layers.1.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.1.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.1.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %draft.layers.1.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.1.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.1.post_attention_layernorm.weight: tensor<4096xbf16>, %draft.layers.1.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %draft.layers.1.mlp.up_proj.weight: tensor<14336x4096xbf16>, %draft.layers.1.mlp.down_proj.weight: tensor<4096x14336xbf16>, %draft.layers.2.input_layernorm.weight: tensor<4096xbf16>, %draft.layers.2.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %draft.layers.2.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.2.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.2.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %draft.layers.2.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.2.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.2.post_attention_layernorm.weight: tensor<4096xbf16>, %draft.layers.2.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %draft.layers.2.mlp.up_proj.weight: tensor<14336x4096xbf16>, %draft.layers.2.mlp.down_proj.weight: tensor<4096x14336xbf16>, %draft.layers.3.input_layernorm.weight: tensor<4096xbf16>, %draft.layers.3.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %draft.layers.3.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.3.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.3.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %draft.layers.3.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.3.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.3.post_attention_layernorm.weight: tensor<4096xbf16>, %draft.layers.3.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %draft.layers.3.mlp.up_proj.weight: tensor<14336x4096xbf16>, %draft.layers.3.mlp.down_proj.weight: tensor<4096x14336xbf16>, %draft.layers.4.input_layernorm.weight: tensor<4096xbf16>, %draft.layers.4.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %draft.layers.4.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.4.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.4.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %draft.layers.4.self_attn.q_norm.weight: tensor<128xbf16>, %draft.layers.4.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.4.post_attention_layernorm.weight: tensor<4096xbf16>, %draft.layers.4.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %draft.layers.4.mlp.up_proj.weight: tensor<14336x4096xbf16>, %draft.layers.4.mlp.down_proj.weight: tensor<4096x14336xbf16>, %draft.norm.weight: tensor<4096xbf16>, %target_kv: tensor<32x2x8x4096x64x128xbf16> {jax.buffer_donor = true}, %draft_k: tensor<5x65x8320x8x128xbf16> {jax.buffer_donor = true}, %draft_v: tensor<5x65x8320x8x128xbf16> {jax.buffer_donor = true}, %last_tokens: tensor<1xi32>, %seq_lens: tensor<1xi32>, %block_tables: tensor<1x129xi32>, %draft_slots: tensor<1xi32>) -> (tensor<1xi32>, tensor<1x10xi32>, tensor<1x9xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<5x65x8320x8x128xbf16>, tensor<5x65x8320x8x128xbf16>) {
    %0 = stablehlo.reshape %last_tokens : (tensor<1xi32>) -> tensor<1x1xi32>
    %1 = stablehlo.constant dense<128002> : tensor<1x9xi32>
    %2 = stablehlo.concatenate %0, %1, dim = 1 : (tensor<1x1xi32>, tensor<1x9xi32>) -> tensor<1x10xi32>
    %3 = stablehlo.broadcast_in_dim %seq_lens, dims = [0] : (tensor<1xi32>) -> tensor<1x10xi32>
    %4 = stablehlo.iota dim = 1 : tensor<1x10xi32>
    %5 = stablehlo.add %3, %4 : tensor<1x10xi32>
    %6 = stablehlo.reshape %5 : (tensor<1x10xi32>) -> tensor<10xi32>
    %7 = stablehlo.reshape %2 : (tensor<1x10xi32>) -> tensor<10xi32>
    %8 = stablehlo.reshape %7 : (tensor<10xi32>) -> tensor<10x1xi32>
    %9 = "stablehlo.gather"(%target.model.embed_tokens.weight, %8) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 4096>}> : (tensor<128256x4096xbf16>, tensor<10x1xi32>) -> tensor<10x4096xbf16>
    %10 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %11 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %12 = stablehlo.concatenate %10, %11, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %13 = "stablehlo.gather"(%draft_k, %12) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %14 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %15 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %16 = stablehlo.concatenate %14, %15, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %17 = "stablehlo.gather"(%draft_v, %16) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %18 = func.call @draft_layer(%9, %6, %seq_lens, %13, %17, %draft.layers.0.input_layernorm.weight, %draft.layers.0.self_attn.q_proj.weight, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.o_proj.weight, %draft.layers.0.self_attn.q_norm.weight, %draft.layers.0.self_attn.k_norm.weight, %draft.layers.0.post_attention_layernorm.weight, %draft.layers.0.mlp.gate_proj.weight, %draft.layers.0.mlp.up_proj.weight, %draft.layers.0.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> tensor<10x4096xbf16>
    %19 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %20 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %21 = stablehlo.concatenate %19, %20, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %22 = "stablehlo.gather"(%draft_k, %21) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %23 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %24 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %25 = stablehlo.concatenate %23, %24, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %26 = "stablehlo.gather"(%draft_v, %25) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %27 = func.call @draft_layer(%18, %6, %seq_lens, %22, %26, %draft.layers.1.input_layernorm.weight, %draft.layers.1.self_attn.q_proj.weight, %draft.layers.1.self_attn.k_proj.weight, %draft.layers.1.self_attn.v_proj.weight, %draft.layers.1.self_attn.o_proj.weight, %draft.layers.1.self_attn.q_norm.weight, %draft.layers.1.self_attn.k_norm.weight, %draft.layers.1.post_attention_layernorm.weight, %draft.layers.1.mlp.gate_proj.weight, %draft.layers.1.mlp.up_proj.weight, %draft.layers.1.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> tensor<10x4096xbf16>
    %28 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %29 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %30 = stablehlo.concatenate %28, %29, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %31 = "stablehlo.gather"(%draft_k, %30) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %32 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %33 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %34 = stablehlo.concatenate %32, %33, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %35 = "stablehlo.gather"(%draft_v, %34) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %36 = func.call @draft_layer(%27, %6, %seq_lens, %31, %35, %draft.layers.2.input_layernorm.weight, %draft.layers.2.self_attn.q_proj.weight, %draft.layers.2.self_attn.k_proj.weight, %draft.layers.2.self_attn.v_proj.weight, %draft.layers.2.self_attn.o_proj.weight, %draft.layers.2.self_attn.q_norm.weight, %draft.layers.2.self_attn.k_norm.weight, %draft.layers.2.post_attention_layernorm.weight, %draft.layers.2.mlp.gate_proj.weight, %draft.layers.2.mlp.up_proj.weight, %draft.layers.2.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> tensor<10x4096xbf16>
    %37 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %38 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %39 = stablehlo.concatenate %37, %38, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %40 = "stablehlo.gather"(%draft_k, %39) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %41 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %42 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %43 = stablehlo.concatenate %41, %42, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %44 = "stablehlo.gather"(%draft_v, %43) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %45 = func.call @draft_layer(%36, %6, %seq_lens, %40, %44, %draft.layers.3.input_layernorm.weight, %draft.layers.3.self_attn.q_proj.weight, %draft.layers.3.self_attn.k_proj.weight, %draft.layers.3.self_attn.v_proj.weight, %draft.layers.3.self_attn.o_proj.weight, %draft.layers.3.self_attn.q_norm.weight, %draft.layers.3.self_attn.k_norm.weight, %draft.layers.3.post_attention_layernorm.weight, %draft.layers.3.mlp.gate_proj.weight, %draft.layers.3.mlp.up_proj.weight, %draft.layers.3.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> tensor<10x4096xbf16>
    %46 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %47 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %48 = stablehlo.concatenate %46, %47, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %49 = "stablehlo.gather"(%draft_k, %48) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %50 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %51 = stablehlo.reshape %draft_slots : (tensor<1xi32>) -> tensor<1x1xi32>
    %52 = stablehlo.concatenate %50, %51, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x2xi32>
    %53 = "stablehlo.gather"(%draft_v, %52) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2, 3], collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8320, 8, 128>}> : (tensor<5x65x8320x8x128xbf16>, tensor<1x2xi32>) -> tensor<1x8320x8x128xbf16>
    %54 = func.call @draft_layer(%45, %6, %seq_lens, %49, %53, %draft.layers.4.input_layernorm.weight, %draft.layers.4.self_attn.q_proj.weight, %draft.layers.4.self_attn.k_proj.weight, %draft.layers.4.self_attn.v_proj.weight, %draft.layers.4.self_attn.o_proj.weight, %draft.layers.4.self_attn.q_norm.weight, %draft.layers.4.self_attn.k_norm.weight, %draft.layers.4.post_attention_layernorm.weight, %draft.layers.4.mlp.gate_proj.weight, %draft.layers.4.mlp.up_proj.weight, %draft.layers.4.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1xi32>, tensor<1x8320x8x128xbf16>, tensor<1x8320x8x128xbf16>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<128xbf16>, tensor<128xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> tensor<10x4096xbf16>
    %55 = stablehlo.reshape %54 : (tensor<10x4096xbf16>) -> tensor<1x10x4096xbf16>
    %56 = stablehlo.slice %55 [0:1, 1:10, 0:4096] : (tensor<1x10x4096xbf16>) -> tensor<1x9x4096xbf16>
    %57 = stablehlo.reshape %56 : (tensor<1x9x4096xbf16>) -> tensor<9x4096xbf16>
    %58 = stablehlo.convert %57 : (tensor<9x4096xbf16>) -> tensor<9x4096xf32>
    %59 = stablehlo.multiply %58, %58 : tensor<9x4096xf32>
    %60 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %61 = stablehlo.reduce(%59 init: %60) applies stablehlo.add across dimensions = [1] : (tensor<9x4096xf32>, tensor<f32>) -> tensor<9xf32>
    %62 = stablehlo.constant dense<4.096000e+03> : tensor<9xf32>
    %63 = stablehlo.divide %61, %62 : tensor<9xf32>
    %64 = stablehlo.constant dense<1.000000e-05> : tensor<9xf32>
    %65 = stablehlo.add %63, %64 : tensor<9xf32>
    %66 = stablehlo.rsqrt %65 : tensor<9xf32>
    %67 = stablehlo.broadcast_in_dim %66, dims = [0] : (tensor<9xf32>) -> tensor<9x4096xf32>
    %68 = stablehlo.multiply %58, %67 : tensor<9x4096xf32>
    %69 = stablehlo.convert %draft.norm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %70 = stablehlo.broadcast_in_dim %69, dims = [1] : (tensor<4096xf32>) -> tensor<9x4096xf32>
    %71 = stablehlo.multiply %68, %70 : tensor<9x4096xf32>
    %72 = stablehlo.convert %71 : (tensor<9x4096xf32>) -> tensor<9x4096xbf16>
    %73 = stablehlo.dot_general %72, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<9x4096xbf16>, tensor<128256x4096xbf16>) -> tensor<9x128256xf32>
    %74 = stablehlo.iota dim = 1 : tensor<9x128256xi32>
    %75 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %76 = stablehlo.constant dense<0> : tensor<i32>
    %77:2 = stablehlo.reduce(%73 init: %75), (%74 init: %76) across dimensions = [1] : (tensor<9x128256xf32>, tensor<9x128256xi32>, tensor<f32>, tensor<i32>) -> (tensor<9xf32>, tensor<9xi32>)
      reducer(%arg356: tensor<f32>, %arg358: tensor<f32>) (%arg357: tensor<i32>, %arg359: tensor<i32>) {
        %78 = stablehlo.compare  GT, %arg356, %arg358,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %79 = stablehlo.compare  EQ, %arg356, %arg358,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %80 = stablehlo.compare  LT, %arg357, %arg359,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %81 = stablehlo.and %79, %80 : tensor<i1>
        %82 = stablehlo.or %78, %81 : tensor<i1>
        %83 = stablehlo.select %82, %arg356, %arg358 : tensor<i1>, tensor<f32>
        %84 = stablehlo.select %82, %arg357, %arg359 : tensor<i1>, tensor<i32>
        stablehlo.return %83, %84 : tensor<f32>, tensor<i32>
      }
    %85 = stablehlo.reshape %77#1 : (tensor<9xi32>) -> tensor<1x9xi32>
    %86 = stablehlo.reshape %last_tokens : (tensor<1xi32>) -> tensor<1x1xi32>
    %87 = stablehlo.concatenate %86, %85, dim = 1 : (tensor<1x1xi32>, tensor<1x9xi32>) -> tensor<1x10xi32>
    %88 = stablehlo.broadcast_in_dim %seq_lens, dims = [0] : (tensor<1xi32>) -> tensor<1x10xi32>
    %89 = stablehlo.iota dim = 1 : tensor<1x10xi32>
    %90 = stablehlo.add %88, %89 : tensor<1x10xi32>
    %91 = stablehlo.iota dim = 0 : tensor<1x10xi32>
    %92 = stablehlo.reshape %91 : (tensor<1x10xi32>) -> tensor<1x10x1xi32>
    %93 = stablehlo.constant dense<64> : tensor<1x10xi32>
    %94 = stablehlo.divide %90, %93 : tensor<1x10xi32>
    %95 = stablehlo.reshape %94 : (tensor<1x10xi32>) -> tensor<1x10x1xi32>
    %96 = stablehlo.concatenate %92, %95, dim = 2 : (tensor<1x10x1xi32>, tensor<1x10x1xi32>) -> tensor<1x10x2xi32>
    %97 = "stablehlo.gather"(%block_tables, %96) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<1x129xi32>, tensor<1x10x2xi32>) -> tensor<1x10xi32>
    %98 = stablehlo.constant dense<64> : tensor<1x10xi32>
    %99 = stablehlo.multiply %97, %98 : tensor<1x10xi32>
    %100 = stablehlo.constant dense<64> : tensor<1x10xi32>
    %101 = stablehlo.remainder %90, %100 : tensor<1x10xi32>
    %102 = stablehlo.add %99, %101 : tensor<1x10xi32>
    %103 = stablehlo.reshape %102 : (tensor<1x10xi32>) -> tensor<10xi32>
    %104 = stablehlo.reshape %87 : (tensor<1x10xi32>) -> tensor<10xi32>
    %105 = stablehlo.reshape %104 : (tensor<10xi32>) -> tensor<10x1xi32>
    %106 = "stablehlo.gather"(%target.model.embed_tokens.weight, %105) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 4096>}> : (tensor<128256x4096xbf16>, tensor<10x1xi32>) -> tensor<10x4096xbf16>
    %107 = stablehlo.constant dense<0> : tensor<i32>
    %108:2 = func.call @target_layer(%106, %90, %block_tables, %103, %target_kv, %107, %target.model.layers.0.input_layernorm.weight, %target.model.layers.0.self_attn.q_proj.weight, %target.model.layers.0.self_attn.k_proj.weight, %target.model.layers.0.self_attn.v_proj.weight, %target.model.layers.0.self_attn.o_proj.weight, %target.model.layers.0.post_attention_layernorm.weight, %target.model.layers.0.mlp.gate_proj.weight, %target.model.layers.0.mlp.up_proj.weight, %target.model.layers.0.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %109 = stablehlo.constant dense<1> : tensor<i32>
    %110:2 = func.call @target_layer(%108#0, %90, %block_tables, %103, %108#1, %109, %target.model.layers.1.input_layernorm.weight, %target.model.layers.1.self_attn.q_proj.weight, %target.model.layers.1.self_attn.k_proj.weight, %target.model.layers.1.self_attn.v_proj.weight, %target.model.layers.1.self_attn.o_proj.weight, %target.model.layers.1.post_attention_layernorm.weight, %target.model.layers.1.mlp.gate_proj.weight, %target.model.layers.1.mlp.up_proj.weight, %target.model.layers.1.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %111 = stablehlo.constant dense<2> : tensor<i32>
    %112:2 = func.call @target_layer(%110#0, %90, %block_tables, %103, %110#1, %111, %target.model.layers.2.input_layernorm.weight, %target.model.layers.2.self_attn.q_proj.weight, %target.model.layers.2.self_attn.k_proj.weight, %target.model.layers.2.self_attn.v_proj.weight, %target.model.layers.2.self_attn.o_proj.weight, %target.model.layers.2.post_attention_layernorm.weight, %target.model.layers.2.mlp.gate_proj.weight, %target.model.layers.2.mlp.up_proj.weight, %target.model.layers.2.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %113 = stablehlo.constant dense<3> : tensor<i32>
    %114:2 = func.call @target_layer(%112#0, %90, %block_tables, %103, %112#1, %113, %target.model.layers.3.input_layernorm.weight, %target.model.layers.3.self_attn.q_proj.weight, %target.model.layers.3.self_attn.k_proj.weight, %target.model.layers.3.self_attn.v_proj.weight, %target.model.layers.3.self_attn.o_proj.weight, %target.model.layers.3.post_attention_layernorm.weight, %target.model.layers.3.mlp.gate_proj.weight, %target.model.layers.3.mlp.up_proj.weight, %target.model.layers.3.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %115 = stablehlo.constant dense<4> : tensor<i32>
    %116:2 = func.call @target_layer(%114#0, %90, %block_tables, %103, %114#1, %115, %target.model.layers.4.input_layernorm.weight, %target.model.layers.4.self_attn.q_proj.weight, %target.model.layers.4.self_attn.k_proj.weight, %target.model.layers.4.self_attn.v_proj.weight, %target.model.layers.4.self_attn.o_proj.weight, %target.model.layers.4.post_attention_layernorm.weight, %target.model.layers.4.mlp.gate_proj.weight, %target.model.layers.4.mlp.up_proj.weight, %target.model.layers.4.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %117 = stablehlo.constant dense<5> : tensor<i32>
    %118:2 = func.call @target_layer(%116#0, %90, %block_tables, %103, %116#1, %117, %target.model.layers.5.input_layernorm.weight, %target.model.layers.5.self_attn.q_proj.weight, %target.model.layers.5.self_attn.k_proj.weight, %target.model.layers.5.self_attn.v_proj.weight, %target.model.layers.5.self_attn.o_proj.weight, %target.model.layers.5.post_attention_layernorm.weight, %target.model.layers.5.mlp.gate_proj.weight, %target.model.layers.5.mlp.up_proj.weight, %target.model.layers.5.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %119 = stablehlo.constant dense<6> : tensor<i32>
    %120:2 = func.call @target_layer(%118#0, %90, %block_tables, %103, %118#1, %119, %target.model.layers.6.input_layernorm.weight, %target.model.layers.6.self_attn.q_proj.weight, %target.model.layers.6.self_attn.k_proj.weight, %target.model.layers.6.self_attn.v_proj.weight, %target.model.layers.6.self_attn.o_proj.weight, %target.model.layers.6.post_attention_layernorm.weight, %target.model.layers.6.mlp.gate_proj.weight, %target.model.layers.6.mlp.up_proj.weight, %target.model.layers.6.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %121 = stablehlo.constant dense<7> : tensor<i32>
    %122:2 = func.call @target_layer(%120#0, %90, %block_tables, %103, %120#1, %121, %target.model.layers.7.input_layernorm.weight, %target.model.layers.7.self_attn.q_proj.weight, %target.model.layers.7.self_attn.k_proj.weight, %target.model.layers.7.self_attn.v_proj.weight, %target.model.layers.7.self_attn.o_proj.weight, %target.model.layers.7.post_attention_layernorm.weight, %target.model.layers.7.mlp.gate_proj.weight, %target.model.layers.7.mlp.up_proj.weight, %target.model.layers.7.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %123 = stablehlo.constant dense<8> : tensor<i32>
    %124:2 = func.call @target_layer(%122#0, %90, %block_tables, %103, %122#1, %123, %target.model.layers.8.input_layernorm.weight, %target.model.layers.8.self_attn.q_proj.weight, %target.model.layers.8.self_attn.k_proj.weight, %target.model.layers.8.self_attn.v_proj.weight, %target.model.layers.8.self_attn.o_proj.weight, %target.model.layers.8.post_attention_layernorm.weight, %target.model.layers.8.mlp.gate_proj.weight, %target.model.layers.8.mlp.up_proj.weight, %target.model.layers.8.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %125 = stablehlo.constant dense<9> : tensor<i32>
    %126:2 = func.call @target_layer(%124#0, %90, %block_tables, %103, %124#1, %125, %target.model.layers.9.input_layernorm.weight, %target.model.layers.9.self_attn.q_proj.weight, %target.model.layers.9.self_attn.k_proj.weight, %target.model.layers.9.self_attn.v_proj.weight, %target.model.layers.9.self_attn.o_proj.weight, %target.model.layers.9.post_attention_layernorm.weight, %target.model.layers.9.mlp.gate_proj.weight, %target.model.layers.9.mlp.up_proj.weight, %target.model.layers.9.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %127 = stablehlo.constant dense<10> : tensor<i32>
    %128:2 = func.call @target_layer(%126#0, %90, %block_tables, %103, %126#1, %127, %target.model.layers.10.input_layernorm.weight, %target.model.layers.10.self_attn.q_proj.weight, %target.model.layers.10.self_attn.k_proj.weight, %target.model.layers.10.self_attn.v_proj.weight, %target.model.layers.10.self_attn.o_proj.weight, %target.model.layers.10.post_attention_layernorm.weight, %target.model.layers.10.mlp.gate_proj.weight, %target.model.layers.10.mlp.up_proj.weight, %target.model.layers.10.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %129 = stablehlo.constant dense<11> : tensor<i32>
    %130:2 = func.call @target_layer(%128#0, %90, %block_tables, %103, %128#1, %129, %target.model.layers.11.input_layernorm.weight, %target.model.layers.11.self_attn.q_proj.weight, %target.model.layers.11.self_attn.k_proj.weight, %target.model.layers.11.self_attn.v_proj.weight, %target.model.layers.11.self_attn.o_proj.weight, %target.model.layers.11.post_attention_layernorm.weight, %target.model.layers.11.mlp.gate_proj.weight, %target.model.layers.11.mlp.up_proj.weight, %target.model.layers.11.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %131 = stablehlo.constant dense<12> : tensor<i32>
    %132:2 = func.call @target_layer(%130#0, %90, %block_tables, %103, %130#1, %131, %target.model.layers.12.input_layernorm.weight, %target.model.layers.12.self_attn.q_proj.weight, %target.model.layers.12.self_attn.k_proj.weight, %target.model.layers.12.self_attn.v_proj.weight, %target.model.layers.12.self_attn.o_proj.weight, %target.model.layers.12.post_attention_layernorm.weight, %target.model.layers.12.mlp.gate_proj.weight, %target.model.layers.12.mlp.up_proj.weight, %target.model.layers.12.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %133 = stablehlo.constant dense<13> : tensor<i32>
    %134:2 = func.call @target_layer(%132#0, %90, %block_tables, %103, %132#1, %133, %target.model.layers.13.input_layernorm.weight, %target.model.layers.13.self_attn.q_proj.weight, %target.model.layers.13.self_attn.k_proj.weight, %target.model.layers.13.self_attn.v_proj.weight, %target.model.layers.13.self_attn.o_proj.weight, %target.model.layers.13.post_attention_layernorm.weight, %target.model.layers.13.mlp.gate_proj.weight, %target.model.layers.13.mlp.up_proj.weight, %target.model.layers.13.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %135 = stablehlo.constant dense<14> : tensor<i32>
    %136:2 = func.call @target_layer(%134#0, %90, %block_tables, %103, %134#1, %135, %target.model.layers.14.input_layernorm.weight, %target.model.layers.14.self_attn.q_proj.weight, %target.model.layers.14.self_attn.k_proj.weight, %target.model.layers.14.self_attn.v_proj.weight, %target.model.layers.14.self_attn.o_proj.weight, %target.model.layers.14.post_attention_layernorm.weight, %target.model.layers.14.mlp.gate_proj.weight, %target.model.layers.14.mlp.up_proj.weight, %target.model.layers.14.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %137 = stablehlo.constant dense<15> : tensor<i32>
    %138:2 = func.call @target_layer(%136#0, %90, %block_tables, %103, %136#1, %137, %target.model.layers.15.input_layernorm.weight, %target.model.layers.15.self_attn.q_proj.weight, %target.model.layers.15.self_attn.k_proj.weight, %target.model.layers.15.self_attn.v_proj.weight, %target.model.layers.15.self_attn.o_proj.weight, %target.model.layers.15.post_attention_layernorm.weight, %target.model.layers.15.mlp.gate_proj.weight, %target.model.layers.15.mlp.up_proj.weight, %target.model.layers.15.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %139 = stablehlo.constant dense<16> : tensor<i32>
    %140:2 = func.call @target_layer(%138#0, %90, %block_tables, %103, %138#1, %139, %target.model.layers.16.input_layernorm.weight, %target.model.layers.16.self_attn.q_proj.weight, %target.model.layers.16.self_attn.k_proj.weight, %target.model.layers.16.self_attn.v_proj.weight, %target.model.layers.16.self_attn.o_proj.weight, %target.model.layers.16.post_attention_layernorm.weight, %target.model.layers.16.mlp.gate_proj.weight, %target.model.layers.16.mlp.up_proj.weight, %target.model.layers.16.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %141 = stablehlo.constant dense<17> : tensor<i32>
    %142:2 = func.call @target_layer(%140#0, %90, %block_tables, %103, %140#1, %141, %target.model.layers.17.input_layernorm.weight, %target.model.layers.17.self_attn.q_proj.weight, %target.model.layers.17.self_attn.k_proj.weight, %target.model.layers.17.self_attn.v_proj.weight, %target.model.layers.17.self_attn.o_proj.weight, %target.model.layers.17.post_attention_layernorm.weight, %target.model.layers.17.mlp.gate_proj.weight, %target.model.layers.17.mlp.up_proj.weight, %target.model.layers.17.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %143 = stablehlo.constant dense<18> : tensor<i32>
    %144:2 = func.call @target_layer(%142#0, %90, %block_tables, %103, %142#1, %143, %target.model.layers.18.input_layernorm.weight, %target.model.layers.18.self_attn.q_proj.weight, %target.model.layers.18.self_attn.k_proj.weight, %target.model.layers.18.self_attn.v_proj.weight, %target.model.layers.18.self_attn.o_proj.weight, %target.model.layers.18.post_attention_layernorm.weight, %target.model.layers.18.mlp.gate_proj.weight, %target.model.layers.18.mlp.up_proj.weight, %target.model.layers.18.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %145 = stablehlo.constant dense<19> : tensor<i32>
    %146:2 = func.call @target_layer(%144#0, %90, %block_tables, %103, %144#1, %145, %target.model.layers.19.input_layernorm.weight, %target.model.layers.19.self_attn.q_proj.weight, %target.model.layers.19.self_attn.k_proj.weight, %target.model.layers.19.self_attn.v_proj.weight, %target.model.layers.19.self_attn.o_proj.weight, %target.model.layers.19.post_attention_layernorm.weight, %target.model.layers.19.mlp.gate_proj.weight, %target.model.layers.19.mlp.up_proj.weight, %target.model.layers.19.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %147 = stablehlo.constant dense<20> : tensor<i32>
    %148:2 = func.call @target_layer(%146#0, %90, %block_tables, %103, %146#1, %147, %target.model.layers.20.input_layernorm.weight, %target.model.layers.20.self_attn.q_proj.weight, %target.model.layers.20.self_attn.k_proj.weight, %target.model.layers.20.self_attn.v_proj.weight, %target.model.layers.20.self_attn.o_proj.weight, %target.model.layers.20.post_attention_layernorm.weight, %target.model.layers.20.mlp.gate_proj.weight, %target.model.layers.20.mlp.up_proj.weight, %target.model.layers.20.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %149 = stablehlo.constant dense<21> : tensor<i32>
    %150:2 = func.call @target_layer(%148#0, %90, %block_tables, %103, %148#1, %149, %target.model.layers.21.input_layernorm.weight, %target.model.layers.21.self_attn.q_proj.weight, %target.model.layers.21.self_attn.k_proj.weight, %target.model.layers.21.self_attn.v_proj.weight, %target.model.layers.21.self_attn.o_proj.weight, %target.model.layers.21.post_attention_layernorm.weight, %target.model.layers.21.mlp.gate_proj.weight, %target.model.layers.21.mlp.up_proj.weight, %target.model.layers.21.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %151 = stablehlo.constant dense<22> : tensor<i32>
    %152:2 = func.call @target_layer(%150#0, %90, %block_tables, %103, %150#1, %151, %target.model.layers.22.input_layernorm.weight, %target.model.layers.22.self_attn.q_proj.weight, %target.model.layers.22.self_attn.k_proj.weight, %target.model.layers.22.self_attn.v_proj.weight, %target.model.layers.22.self_attn.o_proj.weight, %target.model.layers.22.post_attention_layernorm.weight, %target.model.layers.22.mlp.gate_proj.weight, %target.model.layers.22.mlp.up_proj.weight, %target.model.layers.22.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %153 = stablehlo.constant dense<23> : tensor<i32>
    %154:2 = func.call @target_layer(%152#0, %90, %block_tables, %103, %152#1, %153, %target.model.layers.23.input_layernorm.weight, %target.model.layers.23.self_attn.q_proj.weight, %target.model.layers.23.self_attn.k_proj.weight, %target.model.layers.23.self_attn.v_proj.weight, %target.model.layers.23.self_attn.o_proj.weight, %target.model.layers.23.post_attention_layernorm.weight, %target.model.layers.23.mlp.gate_proj.weight, %target.model.layers.23.mlp.up_proj.weight, %target.model.layers.23.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %155 = stablehlo.constant dense<24> : tensor<i32>
    %156:2 = func.call @target_layer(%154#0, %90, %block_tables, %103, %154#1, %155, %target.model.layers.24.input_layernorm.weight, %target.model.layers.24.self_attn.q_proj.weight, %target.model.layers.24.self_attn.k_proj.weight, %target.model.layers.24.self_attn.v_proj.weight, %target.model.layers.24.self_attn.o_proj.weight, %target.model.layers.24.post_attention_layernorm.weight, %target.model.layers.24.mlp.gate_proj.weight, %target.model.layers.24.mlp.up_proj.weight, %target.model.layers.24.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %157 = stablehlo.constant dense<25> : tensor<i32>
    %158:2 = func.call @target_layer(%156#0, %90, %block_tables, %103, %156#1, %157, %target.model.layers.25.input_layernorm.weight, %target.model.layers.25.self_attn.q_proj.weight, %target.model.layers.25.self_attn.k_proj.weight, %target.model.layers.25.self_attn.v_proj.weight, %target.model.layers.25.self_attn.o_proj.weight, %target.model.layers.25.post_attention_layernorm.weight, %target.model.layers.25.mlp.gate_proj.weight, %target.model.layers.25.mlp.up_proj.weight, %target.model.layers.25.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %159 = stablehlo.constant dense<26> : tensor<i32>
    %160:2 = func.call @target_layer(%158#0, %90, %block_tables, %103, %158#1, %159, %target.model.layers.26.input_layernorm.weight, %target.model.layers.26.self_attn.q_proj.weight, %target.model.layers.26.self_attn.k_proj.weight, %target.model.layers.26.self_attn.v_proj.weight, %target.model.layers.26.self_attn.o_proj.weight, %target.model.layers.26.post_attention_layernorm.weight, %target.model.layers.26.mlp.gate_proj.weight, %target.model.layers.26.mlp.up_proj.weight, %target.model.layers.26.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %161 = stablehlo.constant dense<27> : tensor<i32>
    %162:2 = func.call @target_layer(%160#0, %90, %block_tables, %103, %160#1, %161, %target.model.layers.27.input_layernorm.weight, %target.model.layers.27.self_attn.q_proj.weight, %target.model.layers.27.self_attn.k_proj.weight, %target.model.layers.27.self_attn.v_proj.weight, %target.model.layers.27.self_attn.o_proj.weight, %target.model.layers.27.post_attention_layernorm.weight, %target.model.layers.27.mlp.gate_proj.weight, %target.model.layers.27.mlp.up_proj.weight, %target.model.layers.27.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %163 = stablehlo.constant dense<28> : tensor<i32>
    %164:2 = func.call @target_layer(%162#0, %90, %block_tables, %103, %162#1, %163, %target.model.layers.28.input_layernorm.weight, %target.model.layers.28.self_attn.q_proj.weight, %target.model.layers.28.self_attn.k_proj.weight, %target.model.layers.28.self_attn.v_proj.weight, %target.model.layers.28.self_attn.o_proj.weight, %target.model.layers.28.post_attention_layernorm.weight, %target.model.layers.28.mlp.gate_proj.weight, %target.model.layers.28.mlp.up_proj.weight, %target.model.layers.28.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %165 = stablehlo.constant dense<29> : tensor<i32>
    %166:2 = func.call @target_layer(%164#0, %90, %block_tables, %103, %164#1, %165, %target.model.layers.29.input_layernorm.weight, %target.model.layers.29.self_attn.q_proj.weight, %target.model.layers.29.self_attn.k_proj.weight, %target.model.layers.29.self_attn.v_proj.weight, %target.model.layers.29.self_attn.o_proj.weight, %target.model.layers.29.post_attention_layernorm.weight, %target.model.layers.29.mlp.gate_proj.weight, %target.model.layers.29.mlp.up_proj.weight, %target.model.layers.29.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %167 = stablehlo.constant dense<30> : tensor<i32>
    %168:2 = func.call @target_layer(%166#0, %90, %block_tables, %103, %166#1, %167, %target.model.layers.30.input_layernorm.weight, %target.model.layers.30.self_attn.q_proj.weight, %target.model.layers.30.self_attn.k_proj.weight, %target.model.layers.30.self_attn.v_proj.weight, %target.model.layers.30.self_attn.o_proj.weight, %target.model.layers.30.post_attention_layernorm.weight, %target.model.layers.30.mlp.gate_proj.weight, %target.model.layers.30.mlp.up_proj.weight, %target.model.layers.30.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %169 = stablehlo.constant dense<31> : tensor<i32>
    %170:2 = func.call @target_layer(%168#0, %90, %block_tables, %103, %168#1, %169, %target.model.layers.31.input_layernorm.weight, %target.model.layers.31.self_attn.q_proj.weight, %target.model.layers.31.self_attn.k_proj.weight, %target.model.layers.31.self_attn.v_proj.weight, %target.model.layers.31.self_attn.o_proj.weight, %target.model.layers.31.post_attention_layernorm.weight, %target.model.layers.31.mlp.gate_proj.weight, %target.model.layers.31.mlp.up_proj.weight, %target.model.layers.31.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %171 = stablehlo.convert %170#0 : (tensor<10x4096xbf16>) -> tensor<10x4096xf32>
    %172 = stablehlo.multiply %171, %171 : tensor<10x4096xf32>
    %173 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %174 = stablehlo.reduce(%172 init: %173) applies stablehlo.add across dimensions = [1] : (tensor<10x4096xf32>, tensor<f32>) -> tensor<10xf32>
    %175 = stablehlo.constant dense<4.096000e+03> : tensor<10xf32>
    %176 = stablehlo.divide %174, %175 : tensor<10xf32>
    %177 = stablehlo.constant dense<1.000000e-05> : tensor<10xf32>
    %178 = stablehlo.add %176, %177 : tensor<10xf32>
    %179 = stablehlo.rsqrt %178 : tensor<10xf32>
    %180 = stablehlo.broadcast_in_dim %179, dims = [0] : (tensor<10xf32>) -> tensor<10x4096xf32>
    %181 = stablehlo.multiply %171, %180 : tensor<10x4096xf32>
    %182 = stablehlo.convert %target.model.norm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %183 = stablehlo.broadcast_in_dim %182, dims = [1] : (tensor<4096xf32>) -> tensor<10x4096xf32>
    %184 = stablehlo.multiply %181, %183 : tensor<10x4096xf32>
    %185 = stablehlo.convert %184 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %186 = stablehlo.dot_general %185, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<128256x4096xbf16>) -> tensor<10x128256xf32>
    %187 = stablehlo.iota dim = 1 : tensor<10x128256xi32>
    %188 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %189 = stablehlo.constant dense<0> : tensor<i32>
    %190:2 = stablehlo.reduce(%186 init: %188), (%187 init: %189) across dimensions = [1] : (tensor<10x128256xf32>, tensor<10x128256xi32>, tensor<f32>, tensor<i32>) -> (tensor<10xf32>, tensor<10xi32>)
      reducer(%arg360: tensor<f32>, %arg362: tensor<f32>) (%arg361: tensor<i32>, %arg363: tensor<i32>) {
        %191 = stablehlo.compare  GT, %arg360, %arg362,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %192 = stablehlo.compare  EQ, %arg360, %arg362,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %193 = stablehlo.compare  LT, %arg361, %arg363,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %194 = stablehlo.and %192, %193 : tensor<i1>
        %195 = stablehlo.or %191, %194 : tensor<i1>
        %196 = stablehlo.select %195, %arg360, %arg362 : tensor<i1>, tensor<f32>
        %197 = stablehlo.select %195, %arg361, %arg363 : tensor<i1>, tensor<i32>
        stablehlo.return %196, %197 : tensor<f32>, tensor<i32>
      }
    %198 = stablehlo.reshape %190#1 : (tensor<10xi32>) -> tensor<1x10xi32>
    %199 = stablehlo.slice %87 [0:1, 1:10] : (tensor<1x10xi32>) -> tensor<1x9xi32>
    %200 = stablehlo.slice %198 [0:1, 0:9] : (tensor<1x10xi32>) -> tensor<1x9xi32>
    %201 = stablehlo.compare  EQ, %199, %200,  SIGNED : (tensor<1x9xi32>, tensor<1x9xi32>) -> tensor<1x9xi1>
    %202 = stablehlo.iota dim = 1 : tensor<1x9xi32>
    %203 = stablehlo.constant dense<9> : tensor<1x9xi32>
    %204 = stablehlo.select %201, %203, %202 : tensor<1x9xi1>, tensor<1x9xi32>
    %205 = stablehlo.constant dense<9> : tensor<i32>
    %206 = stablehlo.reduce(%204 init: %205) applies stablehlo.minimum across dimensions = [1] : (tensor<1x9xi32>, tensor<i32>) -> tensor<1xi32>
    %207 = stablehlo.reshape %90 : (tensor<1x10xi32>) -> tensor<10xi32>
    %208 = stablehlo.concatenate %110#0, %124#0, %138#0, %152#0, %166#0, dim = 1 : (tensor<10x4096xbf16>, tensor<10x4096xbf16>, tensor<10x4096xbf16>, tensor<10x4096xbf16>, tensor<10x4096xbf16>) -> tensor<10x20480xbf16>
    %209 = stablehlo.dot_general %208, %draft.fc.weight, contracting_dims = [1] x [1] : (tensor<10x20480xbf16>, tensor<4096x20480xbf16>) -> tensor<10x4096xf32>
    %210 = stablehlo.convert %209 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %211 = stablehlo.convert %210 : (tensor<10x4096xbf16>) -> tensor<10x4096xf32>
    %212 = stablehlo.multiply %211, %211 : tensor<10x4096xf32>
    %213 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %214 = stablehlo.reduce(%212 init: %213) applies stablehlo.add across dimensions = [1] : (tensor<10x4096xf32>, tensor<f32>) -> tensor<10xf32>
    %215 = stablehlo.constant dense<4.096000e+03> : tensor<10xf32>
    %216 = stablehlo.divide %214, %215 : tensor<10xf32>
    %217 = stablehlo.constant dense<1.000000e-05> : tensor<10xf32>
    %218 = stablehlo.add %216, %217 : tensor<10xf32>
    %219 = stablehlo.rsqrt %218 : tensor<10xf32>
    %220 = stablehlo.broadcast_in_dim %219, dims = [0] : (tensor<10xf32>) -> tensor<10x4096xf32>
    %221 = stablehlo.multiply %211, %220 : tensor<10x4096xf32>
    %222 = stablehlo.convert %draft.hidden_norm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %223 = stablehlo.broadcast_in_dim %222, dims = [1] : (tensor<4096xf32>) -> tensor<10x4096xf32>
    %224 = stablehlo.multiply %221, %223 : tensor<10x4096xf32>
    %225 = stablehlo.convert %224 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %226:2 = func.call @draft_context(%225, %207, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.k_norm.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<128xbf16>) -> (tensor<10x8x128xbf16>, tensor<10x8x128xbf16>)
    %227 = stablehlo.reshape %226#0 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %228 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %229 = stablehlo.constant dense<0> : tensor<1xi32>
    %230 = stablehlo.maximum %draft_slots, %229 : tensor<1xi32>
    %231 = stablehlo.constant dense<64> : tensor<1xi32>
    %232 = stablehlo.minimum %230, %231 : tensor<1xi32>
    %233 = stablehlo.reshape %232 : (tensor<1xi32>) -> tensor<1x1xi32>
    %234 = stablehlo.constant dense<0> : tensor<1xi32>
    %235 = stablehlo.maximum %seq_lens, %234 : tensor<1xi32>
    %236 = stablehlo.constant dense<8310> : tensor<1xi32>
    %237 = stablehlo.minimum %235, %236 : tensor<1xi32>
    %238 = stablehlo.reshape %237 : (tensor<1xi32>) -> tensor<1x1xi32>
    %239 = stablehlo.concatenate %228, %233, %238, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %240 = "stablehlo.scatter"(%draft_k, %239, %227) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg364: tensor<bf16>, %arg365: tensor<bf16>):
      stablehlo.return %arg365 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %241 = stablehlo.reshape %226#1 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %242 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %243 = stablehlo.constant dense<0> : tensor<1xi32>
    %244 = stablehlo.maximum %draft_slots, %243 : tensor<1xi32>
    %245 = stablehlo.constant dense<64> : tensor<1xi32>
    %246 = stablehlo.minimum %244, %245 : tensor<1xi32>
    %247 = stablehlo.reshape %246 : (tensor<1xi32>) -> tensor<1x1xi32>
    %248 = stablehlo.constant dense<0> : tensor<1xi32>
    %249 = stablehlo.maximum %seq_lens, %248 : tensor<1xi32>
    %250 = stablehlo.constant dense<8310> : tensor<1xi32>
    %251 = stablehlo.minimum %249, %250 : tensor<1xi32>
    %252 = stablehlo.reshape %251 : (tensor<1xi32>) -> tensor<1x1xi32>
    %253 = stablehlo.concatenate %242, %247, %252, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %254 = "stablehlo.scatter"(%draft_v, %253, %241) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg366: tensor<bf16>, %arg367: tensor<bf16>):
      stablehlo.return %arg367 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %255:2 = func.call @draft_context(%225, %207, %draft.layers.1.self_attn.k_proj.weight, %draft.layers.1.self_attn.v_proj.weight, %draft.layers.1.self_attn.k_norm.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<128xbf16>) -> (tensor<10x8x128xbf16>, tensor<10x8x128xbf16>)
    %256 = stablehlo.reshape %255#0 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %257 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %258 = stablehlo.constant dense<0> : tensor<1xi32>
    %259 = stablehlo.maximum %draft_slots, %258 : tensor<1xi32>
    %260 = stablehlo.constant dense<64> : tensor<1xi32>
    %261 = stablehlo.minimum %259, %260 : tensor<1xi32>
    %262 = stablehlo.reshape %261 : (tensor<1xi32>) -> tensor<1x1xi32>
    %263 = stablehlo.constant dense<0> : tensor<1xi32>
    %264 = stablehlo.maximum %seq_lens, %263 : tensor<1xi32>
    %265 = stablehlo.constant dense<8310> : tensor<1xi32>
    %266 = stablehlo.minimum %264, %265 : tensor<1xi32>
    %267 = stablehlo.reshape %266 : (tensor<1xi32>) -> tensor<1x1xi32>
    %268 = stablehlo.concatenate %257, %262, %267, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %269 = "stablehlo.scatter"(%240, %268, %256) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg368: tensor<bf16>, %arg369: tensor<bf16>):
      stablehlo.return %arg369 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %270 = stablehlo.reshape %255#1 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %271 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %272 = stablehlo.constant dense<0> : tensor<1xi32>
    %273 = stablehlo.maximum %draft_slots, %272 : tensor<1xi32>
    %274 = stablehlo.constant dense<64> : tensor<1xi32>
    %275 = stablehlo.minimum %273, %274 : tensor<1xi32>
    %276 = stablehlo.reshape %275 : (tensor<1xi32>) -> tensor<1x1xi32>
    %277 = stablehlo.constant dense<0> : tensor<1xi32>
    %278 = stablehlo.maximum %seq_lens, %277 : tensor<1xi32>
    %279 = stablehlo.constant dense<8310> : tensor<1xi32>
    %280 = stablehlo.minimum %278, %279 : tensor<1xi32>
    %281 = stablehlo.reshape %280 : (tensor<1xi32>) -> tensor<1x1xi32>
    %282 = stablehlo.concatenate %271, %276, %281, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %283 = "stablehlo.scatter"(%254, %282, %270) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg370: tensor<bf16>, %arg371: tensor<bf16>):
      stablehlo.return %arg371 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %284:2 = func.call @draft_context(%225, %207, %draft.layers.2.self_attn.k_proj.weight, %draft.layers.2.self_attn.v_proj.weight, %draft.layers.2.self_attn.k_norm.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<128xbf16>) -> (tensor<10x8x128xbf16>, tensor<10x8x128xbf16>)
    %285 = stablehlo.reshape %284#0 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %286 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %287 = stablehlo.constant dense<0> : tensor<1xi32>
    %288 = stablehlo.maximum %draft_slots, %287 : tensor<1xi32>
    %289 = stablehlo.constant dense<64> : tensor<1xi32>
    %290 = stablehlo.minimum %288, %289 : tensor<1xi32>
    %291 = stablehlo.reshape %290 : (tensor<1xi32>) -> tensor<1x1xi32>
    %292 = stablehlo.constant dense<0> : tensor<1xi32>
    %293 = stablehlo.maximum %seq_lens, %292 : tensor<1xi32>
    %294 = stablehlo.constant dense<8310> : tensor<1xi32>
    %295 = stablehlo.minimum %293, %294 : tensor<1xi32>
    %296 = stablehlo.reshape %295 : (tensor<1xi32>) -> tensor<1x1xi32>
    %297 = stablehlo.concatenate %286, %291, %296, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %298 = "stablehlo.scatter"(%269, %297, %285) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg372: tensor<bf16>, %arg373: tensor<bf16>):
      stablehlo.return %arg373 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %299 = stablehlo.reshape %284#1 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %300 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %301 = stablehlo.constant dense<0> : tensor<1xi32>
    %302 = stablehlo.maximum %draft_slots, %301 : tensor<1xi32>
    %303 = stablehlo.constant dense<64> : tensor<1xi32>
    %304 = stablehlo.minimum %302, %303 : tensor<1xi32>
    %305 = stablehlo.reshape %304 : (tensor<1xi32>) -> tensor<1x1xi32>
    %306 = stablehlo.constant dense<0> : tensor<1xi32>
    %307 = stablehlo.maximum %seq_lens, %306 : tensor<1xi32>
    %308 = stablehlo.constant dense<8310> : tensor<1xi32>
    %309 = stablehlo.minimum %307, %308 : tensor<1xi32>
    %310 = stablehlo.reshape %309 : (tensor<1xi32>) -> tensor<1x1xi32>
    %311 = stablehlo.concatenate %300, %305, %310, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %312 = "stablehlo.scatter"(%283, %311, %299) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg374: tensor<bf16>, %arg375: tensor<bf16>):
      stablehlo.return %arg375 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %313:2 = func.call @draft_context(%225, %207, %draft.layers.3.self_attn.k_proj.weight, %draft.layers.3.self_attn.v_proj.weight, %draft.layers.3.self_attn.k_norm.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<128xbf16>) -> (tensor<10x8x128xbf16>, tensor<10x8x128xbf16>)
    %314 = stablehlo.reshape %313#0 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %315 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %316 = stablehlo.constant dense<0> : tensor<1xi32>
    %317 = stablehlo.maximum %draft_slots, %316 : tensor<1xi32>
    %318 = stablehlo.constant dense<64> : tensor<1xi32>
    %319 = stablehlo.minimum %317, %318 : tensor<1xi32>
    %320 = stablehlo.reshape %319 : (tensor<1xi32>) -> tensor<1x1xi32>
    %321 = stablehlo.constant dense<0> : tensor<1xi32>
    %322 = stablehlo.maximum %seq_lens, %321 : tensor<1xi32>
    %323 = stablehlo.constant dense<8310> : tensor<1xi32>
    %324 = stablehlo.minimum %322, %323 : tensor<1xi32>
    %325 = stablehlo.reshape %324 : (tensor<1xi32>) -> tensor<1x1xi32>
    %326 = stablehlo.concatenate %315, %320, %325, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %327 = "stablehlo.scatter"(%298, %326, %314) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg376: tensor<bf16>, %arg377: tensor<bf16>):
      stablehlo.return %arg377 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %328 = stablehlo.reshape %313#1 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %329 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %330 = stablehlo.constant dense<0> : tensor<1xi32>
    %331 = stablehlo.maximum %draft_slots, %330 : tensor<1xi32>
    %332 = stablehlo.constant dense<64> : tensor<1xi32>
    %333 = stablehlo.minimum %331, %332 : tensor<1xi32>
    %334 = stablehlo.reshape %333 : (tensor<1xi32>) -> tensor<1x1xi32>
    %335 = stablehlo.constant dense<0> : tensor<1xi32>
    %336 = stablehlo.maximum %seq_lens, %335 : tensor<1xi32>
    %337 = stablehlo.constant dense<8310> : tensor<1xi32>
    %338 = stablehlo.minimum %336, %337 : tensor<1xi32>
    %339 = stablehlo.reshape %338 : (tensor<1xi32>) -> tensor<1x1xi32>
    %340 = stablehlo.concatenate %329, %334, %339, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %341 = "stablehlo.scatter"(%312, %340, %328) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg378: tensor<bf16>, %arg379: tensor<bf16>):
      stablehlo.return %arg379 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %342:2 = func.call @draft_context(%225, %207, %draft.layers.4.self_attn.k_proj.weight, %draft.layers.4.self_attn.v_proj.weight, %draft.layers.4.self_attn.k_norm.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<128xbf16>) -> (tensor<10x8x128xbf16>, tensor<10x8x128xbf16>)
    %343 = stablehlo.reshape %342#0 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %344 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %345 = stablehlo.constant dense<0> : tensor<1xi32>
    %346 = stablehlo.maximum %draft_slots, %345 : tensor<1xi32>
    %347 = stablehlo.constant dense<64> : tensor<1xi32>
    %348 = stablehlo.minimum %346, %347 : tensor<1xi32>
    %349 = stablehlo.reshape %348 : (tensor<1xi32>) -> tensor<1x1xi32>
    %350 = stablehlo.constant dense<0> : tensor<1xi32>
    %351 = stablehlo.maximum %seq_lens, %350 : tensor<1xi32>
    %352 = stablehlo.constant dense<8310> : tensor<1xi32>
    %353 = stablehlo.minimum %351, %352 : tensor<1xi32>
    %354 = stablehlo.reshape %353 : (tensor<1xi32>) -> tensor<1x1xi32>
    %355 = stablehlo.concatenate %344, %349, %354, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %356 = "stablehlo.scatter"(%327, %355, %343) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg380: tensor<bf16>, %arg381: tensor<bf16>):
      stablehlo.return %arg381 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %357 = stablehlo.reshape %342#1 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %358 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %359 = stablehlo.constant dense<0> : tensor<1xi32>
    %360 = stablehlo.maximum %draft_slots, %359 : tensor<1xi32>
    %361 = stablehlo.constant dense<64> : tensor<1xi32>
    %362 = stablehlo.minimum %360, %361 : tensor<1xi32>
    %363 = stablehlo.reshape %362 : (tensor<1xi32>) -> tensor<1x1xi32>
    %364 = stablehlo.constant dense<0> : tensor<1xi32>
    %365 = stablehlo.maximum %seq_lens, %364 : tensor<1xi32>
    %366 = stablehlo.constant dense<8310> : tensor<1xi32>
    %367 = stablehlo.minimum %365, %366 : tensor<1xi32>
    %368 = stablehlo.reshape %367 : (tensor<1xi32>) -> tensor<1x1xi32>
    %369 = stablehlo.concatenate %358, %363, %368, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %370 = "stablehlo.scatter"(%341, %369, %357) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg382: tensor<bf16>, %arg383: tensor<bf16>):
      stablehlo.return %arg383 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    return %206, %198, %85, %170#1, %356, %370 : tensor<1xi32>, tensor<1x10xi32>, tensor<1x9xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<5x65x8320x8x128xbf16>, tensor<5x65x8320x8x128xbf16>
  }
  func.func private @draft_layer(%x: tensor<10x4096xbf16>, %positions: tensor<10xi32>, %seq_lens: tensor<1xi32>, %k_ctx: tensor<1x8320x8x128xbf16>, %v_ctx: tensor<1x8320x8x128xbf16>, %input_layernorm.weight: tensor<4096xbf16>, %self_attn.q_proj.weight: tensor<4096x4096xbf16>, %self_attn.k_proj.weight: tensor<1024x4096xbf16>, %self_attn.v_proj.weight: tensor<1024x4096xbf16>, %self_attn.o_proj.weight: tensor<4096x4096xbf16>, %self_attn.q_norm.weight: tensor<128xbf16>, %self_attn.k_norm.weight: tensor<128xbf16>, %post_attention_layernorm.weight: tensor<4096xbf16>, %mlp.gate_proj.weight: tensor<14336x4096xbf16>, %mlp.up_proj.weight: tensor<14336x4096xbf16>, %mlp.down_proj.weight: tensor<4096x14336xbf16>) -> tensor<10x4096xbf16> {
    %0 = stablehlo.convert %x : (tensor<10x4096xbf16>) -> tensor<10x4096xf32>
    %1 = stablehlo.multiply %0, %0 : tensor<10x4096xf32>
    %2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %3 = stablehlo.reduce(%1 init: %2) applies stablehlo.add across dimensions = [1] : (tensor<10x4096xf32>, tensor<f32>) -> tensor<10xf32>
    %4 = stablehlo.constant dense<4.096000e+03> : tensor<10xf32>
    %5 = stablehlo.divide %3, %4 : tensor<10xf32>
    %6 = stablehlo.constant dense<1.000000e-05> : tensor<10xf32>
    %7 = stablehlo.add %5, %6 : tensor<10xf32>
    %8 = stablehlo.rsqrt %7 : tensor<10xf32>
    %9 = stablehlo.broadcast_in_dim %8, dims = [0] : (tensor<10xf32>) -> tensor<10x4096xf32>
    %10 = stablehlo.multiply %0, %9 : tensor<10x4096xf32>
    %11 = stablehlo.convert %input_layernorm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [1] : (tensor<4096xf32>) -> tensor<10x4096xf32>
    %13 = stablehlo.multiply %10, %12 : tensor<10x4096xf32>
    %14 = stablehlo.convert %13 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %15 = stablehlo.dot_general %14, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<4096x4096xbf16>) -> tensor<10x4096xf32>
    %16 = stablehlo.convert %15 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %17 = stablehlo.reshape %16 : (tensor<10x4096xbf16>) -> tensor<10x32x128xbf16>
    %18 = stablehlo.dot_general %14, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<1024x4096xbf16>) -> tensor<10x1024xf32>
    %19 = stablehlo.convert %18 : (tensor<10x1024xf32>) -> tensor<10x1024xbf16>
    %20 = stablehlo.reshape %19 : (tensor<10x1024xbf16>) -> tensor<10x8x128xbf16>
    %21 = stablehlo.dot_general %14, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<1024x4096xbf16>) -> tensor<10x1024xf32>
    %22 = stablehlo.convert %21 : (tensor<10x1024xf32>) -> tensor<10x1024xbf16>
    %23 = stablehlo.reshape %22 : (tensor<10x1024xbf16>) -> tensor<10x8x128xbf16>
    %24 = stablehlo.convert %17 : (tensor<10x32x128xbf16>) -> tensor<10x32x128xf32>
    %25 = stablehlo.multiply %24, %24 : tensor<10x32x128xf32>
    %26 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %27 = stablehlo.reduce(%25 init: %26) applies stablehlo.add across dimensions = [2] : (tensor<10x32x128xf32>, tensor<f32>) -> tensor<10x32xf32>
    %28 = stablehlo.constant dense<1.280000e+02> : tensor<10x32xf32>
    %29 = stablehlo.divide %27, %28 : tensor<10x32xf32>
    %30 = stablehlo.constant dense<1.000000e-05> : tensor<10x32xf32>
    %31 = stablehlo.add %29, %30 : tensor<10x32xf32>
    %32 = stablehlo.rsqrt %31 : tensor<10x32xf32>
    %33 = stablehlo.broadcast_in_dim %32, dims = [0, 1] : (tensor<10x32xf32>) -> tensor<10x32x128xf32>
    %34 = stablehlo.multiply %24, %33 : tensor<10x32x128xf32>
    %35 = stablehlo.convert %self_attn.q_norm.weight : (tensor<128xbf16>) -> tensor<128xf32>
    %36 = stablehlo.broadcast_in_dim %35, dims = [2] : (tensor<128xf32>) -> tensor<10x32x128xf32>
    %37 = stablehlo.multiply %34, %36 : tensor<10x32x128xf32>
    %38 = stablehlo.convert %37 : (tensor<10x32x128xf32>) -> tensor<10x32x128xbf16>
    %39 = stablehlo.convert %20 : (tensor<10x8x128xbf16>) -> tensor<10x8x128xf32>
    %40 = stablehlo.multiply %39, %39 : tensor<10x8x128xf32>
    %41 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %42 = stablehlo.reduce(%40 init: %41) applies stablehlo.add across dimensions = [2] : (tensor<10x8x128xf32>, tensor<f32>) -> tensor<10x8xf32>
    %43 = stablehlo.constant dense<1.280000e+02> : tensor<10x8xf32>
    %44 = stablehlo.divide %42, %43 : tensor<10x8xf32>
    %45 = stablehlo.constant dense<1.000000e-05> : tensor<10x8xf32>
    %46 = stablehlo.add %44, %45 : tensor<10x8xf32>
    %47 = stablehlo.rsqrt %46 : tensor<10x8xf32>
    %48 = stablehlo.broadcast_in_dim %47, dims = [0, 1] : (tensor<10x8xf32>) -> tensor<10x8x128xf32>
    %49 = stablehlo.multiply %39, %48 : tensor<10x8x128xf32>
    %50 = stablehlo.convert %self_attn.k_norm.weight : (tensor<128xbf16>) -> tensor<128xf32>
    %51 = stablehlo.broadcast_in_dim %50, dims = [2] : (tensor<128xf32>) -> tensor<10x8x128xf32>
    %52 = stablehlo.multiply %49, %51 : tensor<10x8x128xf32>
    %53 = stablehlo.convert %52 : (tensor<10x8x128xf32>) -> tensor<10x8x128xbf16>
    %54 = stablehlo.constant dense<[1.000000e+00, 8.146172e-01, 6.636012e-01, 5.405810e-01, 4.403666e-01, 3.5873023e-01, 2.9222783e-01, 2.3805381e-01, 1.9392274e-01, 1.5797281e-01, 1.2868737e-01, 1.0483095e-01, 8.539710e-02, 6.956595e-02, 5.6669623e-02, 4.616405e-02, 3.760603e-02, 3.063452e-02, 2.4955409e-02, 2.0329107e-02, 1.656044e-02, 1.349042e-02, 1.0989528e-02, 8.952259e-03, 7.2926646e-03, 5.940730e-03, 4.8394212e-03, 3.942276e-03, 3.211446e-03, 2.1665709e-03, 1.3718936e-03, 8.567514e-04, 5.2484614e-04, 3.1269374e-04, 1.785078e-04, 9.556212e-05, 7.7846555e-05, 6.3415144e-05, 5.165907e-05, 4.2082367e-05, 3.4281024e-05, 2.7925911e-05, 2.2748929e-05, 1.853167e-05, 1.5096217e-05, 1.2297639e-05, 1.0017869e-05, 8.160729e-06, 6.6478697e-06, 5.4154693e-06, 4.4115345e-06, 3.593712e-06, 2.927500e-06, 2.3847917e-06, 1.9426925e-06, 1.5825508e-06, 1.2891732e-06, 1.0501827e-06, 8.554969e-07, 6.9690253e-07, 5.677088e-07, 4.6246538e-07, 3.7673226e-07, 3.068926e-07]> : tensor<64xf32>
    %55 = stablehlo.convert %positions : (tensor<10xi32>) -> tensor<10xf32>
    %56 = stablehlo.broadcast_in_dim %55, dims = [0] : (tensor<10xf32>) -> tensor<10x64xf32>
    %57 = stablehlo.broadcast_in_dim %54, dims = [1] : (tensor<64xf32>) -> tensor<10x64xf32>
    %58 = stablehlo.multiply %56, %57 : tensor<10x64xf32>
    %59 = stablehlo.cosine %58 : tensor<10x64xf32>
    %60 = stablehlo.concatenate %59, %59, dim = 1 : (tensor<10x64xf32>, tensor<10x64xf32>) -> tensor<10x128xf32>
    %61 = stablehlo.broadcast_in_dim %60, dims = [0, 2] : (tensor<10x128xf32>) -> tensor<10x32x128xf32>
    %62 = stablehlo.sine %58 : tensor<10x64xf32>
    %63 = stablehlo.concatenate %62, %62, dim = 1 : (tensor<10x64xf32>, tensor<10x64xf32>) -> tensor<10x128xf32>
    %64 = stablehlo.broadcast_in_dim %63, dims = [0, 2] : (tensor<10x128xf32>) -> tensor<10x32x128xf32>
    %65 = stablehlo.convert %38 : (tensor<10x32x128xbf16>) -> tensor<10x32x128xf32>
    %66 = stablehlo.slice %65 [0:10, 0:32, 0:64] : (tensor<10x32x128xf32>) -> tensor<10x32x64xf32>
    %67 = stablehlo.slice %65 [0:10, 0:32, 64:128] : (tensor<10x32x128xf32>) -> tensor<10x32x64xf32>
    %68 = stablehlo.negate %67 : tensor<10x32x64xf32>
    %69 = stablehlo.concatenate %68, %66, dim = 2 : (tensor<10x32x64xf32>, tensor<10x32x64xf32>) -> tensor<10x32x128xf32>
    %70 = stablehlo.multiply %65, %61 : tensor<10x32x128xf32>
    %71 = stablehlo.multiply %69, %64 : tensor<10x32x128xf32>
    %72 = stablehlo.add %70, %71 : tensor<10x32x128xf32>
    %73 = stablehlo.convert %72 : (tensor<10x32x128xf32>) -> tensor<10x32x128xbf16>
    %74 = stablehlo.constant dense<[1.000000e+00, 8.146172e-01, 6.636012e-01, 5.405810e-01, 4.403666e-01, 3.5873023e-01, 2.9222783e-01, 2.3805381e-01, 1.9392274e-01, 1.5797281e-01, 1.2868737e-01, 1.0483095e-01, 8.539710e-02, 6.956595e-02, 5.6669623e-02, 4.616405e-02, 3.760603e-02, 3.063452e-02, 2.4955409e-02, 2.0329107e-02, 1.656044e-02, 1.349042e-02, 1.0989528e-02, 8.952259e-03, 7.2926646e-03, 5.940730e-03, 4.8394212e-03, 3.942276e-03, 3.211446e-03, 2.1665709e-03, 1.3718936e-03, 8.567514e-04, 5.2484614e-04, 3.1269374e-04, 1.785078e-04, 9.556212e-05, 7.7846555e-05, 6.3415144e-05, 5.165907e-05, 4.2082367e-05, 3.4281024e-05, 2.7925911e-05, 2.2748929e-05, 1.853167e-05, 1.5096217e-05, 1.2297639e-05, 1.0017869e-05, 8.160729e-06, 6.6478697e-06, 5.4154693e-06, 4.4115345e-06, 3.593712e-06, 2.927500e-06, 2.3847917e-06, 1.9426925e-06, 1.5825508e-06, 1.2891732e-06, 1.0501827e-06, 8.554969e-07, 6.9690253e-07, 5.677088e-07, 4.6246538e-07, 3.7673226e-07, 3.068926e-07]> : tensor<64xf32>
    %75 = stablehlo.convert %positions : (tensor<10xi32>) -> tensor<10xf32>
    %76 = stablehlo.broadcast_in_dim %75, dims = [0] : (tensor<10xf32>) -> tensor<10x64xf32>
    %77 = stablehlo.broadcast_in_dim %74, dims = [1] : (tensor<64xf32>) -> tensor<10x64xf32>
    %78 = stablehlo.multiply %76, %77 : tensor<10x64xf32>
    %79 = stablehlo.cosine %78 : tensor<10x64xf32>
    %80 = stablehlo.concatenate %79, %79, dim = 1 : (tensor<10x64xf32>, tensor<10x64xf32>) -> tensor<10x128xf32>
    %81 = stablehlo.broadcast_in_dim %80, dims = [0, 2] : (tensor<10x128xf32>) -> tensor<10x8x128xf32>
    %82 = stablehlo.sine %78 : tensor<10x64xf32>
    %83 = stablehlo.concatenate %82, %82, dim = 1 : (tensor<10x64xf32>, tensor<10x64xf32>) -> tensor<10x128xf32>
    %84 = stablehlo.broadcast_in_dim %83, dims = [0, 2] : (tensor<10x128xf32>) -> tensor<10x8x128xf32>
    %85 = stablehlo.convert %53 : (tensor<10x8x128xbf16>) -> tensor<10x8x128xf32>
    %86 = stablehlo.slice %85 [0:10, 0:8, 0:64] : (tensor<10x8x128xf32>) -> tensor<10x8x64xf32>
    %87 = stablehlo.slice %85 [0:10, 0:8, 64:128] : (tensor<10x8x128xf32>) -> tensor<10x8x64xf32>
    %88 = stablehlo.negate %87 : tensor<10x8x64xf32>
    %89 = stablehlo.concatenate %88, %86, dim = 2 : (tensor<10x8x64xf32>, tensor<10x8x64xf32>) -> tensor<10x8x128xf32>
    %90 = stablehlo.multiply %85, %81 : tensor<10x8x128xf32>
    %91 = stablehlo.multiply %89, %84 : tensor<10x8x128xf32>
    %92 = stablehlo.add %90, %91 : tensor<10x8x128xf32>
    %93 = stablehlo.convert %92 : (tensor<10x8x128xf32>) -> tensor<10x8x128xbf16>
    %94 = stablehlo.reshape %73 : (tensor<10x32x128xbf16>) -> tensor<1x10x32x128xbf16>
    %95 = stablehlo.reshape %93 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %96 = stablehlo.reshape %23 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %97 = stablehlo.iota dim = 2 : tensor<1x10x8330xi32>
    %98 = stablehlo.broadcast_in_dim %seq_lens, dims = [0] : (tensor<1xi32>) -> tensor<1x10x8330xi32>
    %99 = stablehlo.compare  LT, %97, %98,  SIGNED : (tensor<1x10x8330xi32>, tensor<1x10x8330xi32>) -> tensor<1x10x8330xi1>
    %100 = stablehlo.constant dense<8320> : tensor<1x10x8330xi32>
    %101 = stablehlo.compare  GE, %97, %100,  SIGNED : (tensor<1x10x8330xi32>, tensor<1x10x8330xi32>) -> tensor<1x10x8330xi1>
    %102 = stablehlo.or %101, %99 : tensor<1x10x8330xi1>
    %103 = stablehlo.concatenate %k_ctx, %95, dim = 1 : (tensor<1x8320x8x128xbf16>, tensor<1x10x8x128xbf16>) -> tensor<1x8330x8x128xbf16>
    %104 = stablehlo.concatenate %v_ctx, %96, dim = 1 : (tensor<1x8320x8x128xbf16>, tensor<1x10x8x128xbf16>) -> tensor<1x8330x8x128xbf16>
    %105 = stablehlo.convert %94 : (tensor<1x10x32x128xbf16>) -> tensor<1x10x32x128xf32>
    %106 = stablehlo.reshape %105 : (tensor<1x10x32x128xf32>) -> tensor<1x10x8x4x128xf32>
    %107 = stablehlo.convert %103 : (tensor<1x8330x8x128xbf16>) -> tensor<1x8330x8x128xf32>
    %108 = stablehlo.dot_general %106, %107, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<1x10x8x4x128xf32>, tensor<1x8330x8x128xf32>) -> tensor<1x8x10x4x8330xf32>
    %109 = stablehlo.constant dense<8.8388346e-02> : tensor<1x8x10x4x8330xf32>
    %110 = stablehlo.multiply %108, %109 : tensor<1x8x10x4x8330xf32>
    %111 = stablehlo.broadcast_in_dim %102, dims = [0, 2, 4] : (tensor<1x10x8330xi1>) -> tensor<1x8x10x4x8330xi1>
    %112 = stablehlo.constant dense<0xFF800000> : tensor<1x8x10x4x8330xf32>
    %113 = stablehlo.select %111, %110, %112 : tensor<1x8x10x4x8330xi1>, tensor<1x8x10x4x8330xf32>
    %114 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %115 = stablehlo.reduce(%113 init: %114) applies stablehlo.maximum across dimensions = [4] : (tensor<1x8x10x4x8330xf32>, tensor<f32>) -> tensor<1x8x10x4xf32>
    %116 = stablehlo.broadcast_in_dim %115, dims = [0, 1, 2, 3] : (tensor<1x8x10x4xf32>) -> tensor<1x8x10x4x8330xf32>
    %117 = stablehlo.subtract %113, %116 : tensor<1x8x10x4x8330xf32>
    %118 = stablehlo.exponential %117 : tensor<1x8x10x4x8330xf32>
    %119 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %120 = stablehlo.reduce(%118 init: %119) applies stablehlo.add across dimensions = [4] : (tensor<1x8x10x4x8330xf32>, tensor<f32>) -> tensor<1x8x10x4xf32>
    %121 = stablehlo.broadcast_in_dim %120, dims = [0, 1, 2, 3] : (tensor<1x8x10x4xf32>) -> tensor<1x8x10x4x8330xf32>
    %122 = stablehlo.divide %118, %121 : tensor<1x8x10x4x8330xf32>
    %123 = stablehlo.convert %104 : (tensor<1x8330x8x128xbf16>) -> tensor<1x8330x8x128xf32>
    %124 = stablehlo.dot_general %122, %123, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<1x8x10x4x8330xf32>, tensor<1x8330x8x128xf32>) -> tensor<1x8x10x4x128xf32>
    %125 = stablehlo.transpose %124, dims = [0, 2, 1, 3, 4] : (tensor<1x8x10x4x128xf32>) -> tensor<1x10x8x4x128xf32>
    %126 = stablehlo.reshape %125 : (tensor<1x10x8x4x128xf32>) -> tensor<1x10x32x128xf32>
    %127 = stablehlo.convert %126 : (tensor<1x10x32x128xf32>) -> tensor<1x10x32x128xbf16>
    %128 = stablehlo.reshape %127 : (tensor<1x10x32x128xbf16>) -> tensor<10x4096xbf16>
    %129 = stablehlo.dot_general %128, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<4096x4096xbf16>) -> tensor<10x4096xf32>
    %130 = stablehlo.convert %129 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %131 = stablehlo.add %x, %130 : tensor<10x4096xbf16>
    %132 = stablehlo.convert %131 : (tensor<10x4096xbf16>) -> tensor<10x4096xf32>
    %133 = stablehlo.multiply %132, %132 : tensor<10x4096xf32>
    %134 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %135 = stablehlo.reduce(%133 init: %134) applies stablehlo.add across dimensions = [1] : (tensor<10x4096xf32>, tensor<f32>) -> tensor<10xf32>
    %136 = stablehlo.constant dense<4.096000e+03> : tensor<10xf32>
    %137 = stablehlo.divide %135, %136 : tensor<10xf32>
    %138 = stablehlo.constant dense<1.000000e-05> : tensor<10xf32>
    %139 = stablehlo.add %137, %138 : tensor<10xf32>
    %140 = stablehlo.rsqrt %139 : tensor<10xf32>
    %141 = stablehlo.broadcast_in_dim %140, dims = [0] : (tensor<10xf32>) -> tensor<10x4096xf32>
    %142 = stablehlo.multiply %132, %141 : tensor<10x4096xf32>
    %143 = stablehlo.convert %post_attention_layernorm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %144 = stablehlo.broadcast_in_dim %143, dims = [1] : (tensor<4096xf32>) -> tensor<10x4096xf32>
    %145 = stablehlo.multiply %142, %144 : tensor<10x4096xf32>
    %146 = stablehlo.convert %145 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %147 = stablehlo.dot_general %146, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<14336x4096xbf16>) -> tensor<10x14336xf32>
    %148 = stablehlo.convert %147 : (tensor<10x14336xf32>) -> tensor<10x14336xbf16>
    %149 = stablehlo.dot_general %146, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<14336x4096xbf16>) -> tensor<10x14336xf32>
    %150 = stablehlo.convert %149 : (tensor<10x14336xf32>) -> tensor<10x14336xbf16>
    %151 = stablehlo.convert %148 : (tensor<10x14336xbf16>) -> tensor<10x14336xf32>
    %152 = stablehlo.logistic %151 : tensor<10x14336xf32>
    %153 = stablehlo.multiply %151, %152 : tensor<10x14336xf32>
    %154 = stablehlo.convert %150 : (tensor<10x14336xbf16>) -> tensor<10x14336xf32>
    %155 = stablehlo.multiply %153, %154 : tensor<10x14336xf32>
    %156 = stablehlo.convert %155 : (tensor<10x14336xf32>) -> tensor<10x14336xbf16>
    %157 = stablehlo.dot_general %156, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<10x14336xbf16>, tensor<4096x14336xbf16>) -> tensor<10x4096xf32>
    %158 = stablehlo.convert %157 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %159 = stablehlo.add %131, %158 : tensor<10x4096xbf16>
    return %159 : tensor<10x4096xbf16>
  }
  func.func private @target_layer(%x: tensor<10x4096xbf16>, %positions: tensor<1x10xi32>, %tables: tensor<1x129xi32>, %rows: tensor<10xi32>, %target_kv: tensor<32x2x8x4096x64x128xbf16>, %layer: tensor<i32>, %input_layernorm.weight: tensor<4096xbf16>, %self_attn.q_proj.weight: tensor<4096x4096xbf16>, %self_attn.k_proj.weight: tensor<1024x4096xbf16>, %self_attn.v_proj.weight: tensor<1024x4096xbf16>, %self_attn.o_proj.weight: tensor<4096x4096xbf16>, %post_attention_layernorm.weight: tensor<4096xbf16>, %mlp.gate_proj.weight: tensor<14336x4096xbf16>, %mlp.up_proj.weight: tensor<14336x4096xbf16>, %mlp.down_proj.weight: tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>) {
    %0 = stablehlo.reshape %positions : (tensor<1x10xi32>) -> tensor<10xi32>
    %1 = stablehlo.convert %x : (tensor<10x4096xbf16>) -> tensor<10x4096xf32>
    %2 = stablehlo.multiply %1, %1 : tensor<10x4096xf32>
    %3 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %4 = stablehlo.reduce(%2 init: %3) applies stablehlo.add across dimensions = [1] : (tensor<10x4096xf32>, tensor<f32>) -> tensor<10xf32>
    %5 = stablehlo.constant dense<4.096000e+03> : tensor<10xf32>
    %6 = stablehlo.divide %4, %5 : tensor<10xf32>
    %7 = stablehlo.constant dense<1.000000e-05> : tensor<10xf32>
    %8 = stablehlo.add %6, %7 : tensor<10xf32>
    %9 = stablehlo.rsqrt %8 : tensor<10xf32>
    %10 = stablehlo.broadcast_in_dim %9, dims = [0] : (tensor<10xf32>) -> tensor<10x4096xf32>
    %11 = stablehlo.multiply %1, %10 : tensor<10x4096xf32>
    %12 = stablehlo.convert %input_layernorm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %13 = stablehlo.broadcast_in_dim %12, dims = [1] : (tensor<4096xf32>) -> tensor<10x4096xf32>
    %14 = stablehlo.multiply %11, %13 : tensor<10x4096xf32>
    %15 = stablehlo.convert %14 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %16 = stablehlo.dot_general %15, %self_attn.q_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<4096x4096xbf16>) -> tensor<10x4096xf32>
    %17 = stablehlo.convert %16 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %18 = stablehlo.reshape %17 : (tensor<10x4096xbf16>) -> tensor<10x32x128xbf16>
    %19 = stablehlo.dot_general %15, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<1024x4096xbf16>) -> tensor<10x1024xf32>
    %20 = stablehlo.convert %19 : (tensor<10x1024xf32>) -> tensor<10x1024xbf16>
    %21 = stablehlo.reshape %20 : (tensor<10x1024xbf16>) -> tensor<10x8x128xbf16>
    %22 = stablehlo.dot_general %15, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<1024x4096xbf16>) -> tensor<10x1024xf32>
    %23 = stablehlo.convert %22 : (tensor<10x1024xf32>) -> tensor<10x1024xbf16>
    %24 = stablehlo.reshape %23 : (tensor<10x1024xbf16>) -> tensor<10x8x128xbf16>
    %25 = stablehlo.constant dense<[1.000000e+00, 8.146172e-01, 6.636012e-01, 5.405810e-01, 4.403666e-01, 3.5873023e-01, 2.9222783e-01, 2.3805381e-01, 1.9392274e-01, 1.5797281e-01, 1.2868737e-01, 1.0483095e-01, 8.539710e-02, 6.956595e-02, 5.6669623e-02, 4.616405e-02, 3.760603e-02, 3.063452e-02, 2.4955409e-02, 2.0329107e-02, 1.656044e-02, 1.349042e-02, 1.0989528e-02, 8.952259e-03, 7.2926646e-03, 5.940730e-03, 4.8394212e-03, 3.942276e-03, 3.211446e-03, 2.1665709e-03, 1.3718936e-03, 8.567514e-04, 5.2484614e-04, 3.1269374e-04, 1.785078e-04, 9.556212e-05, 7.7846555e-05, 6.3415144e-05, 5.165907e-05, 4.2082367e-05, 3.4281024e-05, 2.7925911e-05, 2.2748929e-05, 1.853167e-05, 1.5096217e-05, 1.2297639e-05, 1.0017869e-05, 8.160729e-06, 6.6478697e-06, 5.4154693e-06, 4.4115345e-06, 3.593712e-06, 2.927500e-06, 2.3847917e-06, 1.9426925e-06, 1.5825508e-06, 1.2891732e-06, 1.0501827e-06, 8.554969e-07, 6.9690253e-07, 5.677088e-07, 4.6246538e-07, 3.7673226e-07, 3.068926e-07]> : tensor<64xf32>
    %26 = stablehlo.convert %0 : (tensor<10xi32>) -> tensor<10xf32>
    %27 = stablehlo.broadcast_in_dim %26, dims = [0] : (tensor<10xf32>) -> tensor<10x64xf32>
    %28 = stablehlo.broadcast_in_dim %25, dims = [1] : (tensor<64xf32>) -> tensor<10x64xf32>
    %29 = stablehlo.multiply %27, %28 : tensor<10x64xf32>
    %30 = stablehlo.cosine %29 : tensor<10x64xf32>
    %31 = stablehlo.concatenate %30, %30, dim = 1 : (tensor<10x64xf32>, tensor<10x64xf32>) -> tensor<10x128xf32>
    %32 = stablehlo.broadcast_in_dim %31, dims = [0, 2] : (tensor<10x128xf32>) -> tensor<10x32x128xf32>
    %33 = stablehlo.sine %29 : tensor<10x64xf32>
    %34 = stablehlo.concatenate %33, %33, dim = 1 : (tensor<10x64xf32>, tensor<10x64xf32>) -> tensor<10x128xf32>
    %35 = stablehlo.broadcast_in_dim %34, dims = [0, 2] : (tensor<10x128xf32>) -> tensor<10x32x128xf32>
    %36 = stablehlo.convert %18 : (tensor<10x32x128xbf16>) -> tensor<10x32x128xf32>
    %37 = stablehlo.slice %36 [0:10, 0:32, 0:64] : (tensor<10x32x128xf32>) -> tensor<10x32x64xf32>
    %38 = stablehlo.slice %36 [0:10, 0:32, 64:128] : (tensor<10x32x128xf32>) -> tensor<10x32x64xf32>
    %39 = stablehlo.negate %38 : tensor<10x32x64xf32>
    %40 = stablehlo.concatenate %39, %37, dim = 2 : (tensor<10x32x64xf32>, tensor<10x32x64xf32>) -> tensor<10x32x128xf32>
    %41 = stablehlo.multiply %36, %32 : tensor<10x32x128xf32>
    %42 = stablehlo.multiply %40, %35 : tensor<10x32x128xf32>
    %43 = stablehlo.add %41, %42 : tensor<10x32x128xf32>
    %44 = stablehlo.convert %43 : (tensor<10x32x128xf32>) -> tensor<10x32x128xbf16>
    %45 = stablehlo.constant dense<[1.000000e+00, 8.146172e-01, 6.636012e-01, 5.405810e-01, 4.403666e-01, 3.5873023e-01, 2.9222783e-01, 2.3805381e-01, 1.9392274e-01, 1.5797281e-01, 1.2868737e-01, 1.0483095e-01, 8.539710e-02, 6.956595e-02, 5.6669623e-02, 4.616405e-02, 3.760603e-02, 3.063452e-02, 2.4955409e-02, 2.0329107e-02, 1.656044e-02, 1.349042e-02, 1.0989528e-02, 8.952259e-03, 7.2926646e-03, 5.940730e-03, 4.8394212e-03, 3.942276e-03, 3.211446e-03, 2.1665709e-03, 1.3718936e-03, 8.567514e-04, 5.2484614e-04, 3.1269374e-04, 1.785078e-04, 9.556212e-05, 7.7846555e-05, 6.3415144e-05, 5.165907e-05, 4.2082367e-05, 3.4281024e-05, 2.7925911e-05, 2.2748929e-05, 1.853167e-05, 1.5096217e-05, 1.2297639e-05, 1.0017869e-05, 8.160729e-06, 6.6478697e-06, 5.4154693e-06, 4.4115345e-06, 3.593712e-06, 2.927500e-06, 2.3847917e-06, 1.9426925e-06, 1.5825508e-06, 1.2891732e-06, 1.0501827e-06, 8.554969e-07, 6.9690253e-07, 5.677088e-07, 4.6246538e-07, 3.7673226e-07, 3.068926e-07]> : tensor<64xf32>
    %46 = stablehlo.convert %0 : (tensor<10xi32>) -> tensor<10xf32>
    %47 = stablehlo.broadcast_in_dim %46, dims = [0] : (tensor<10xf32>) -> tensor<10x64xf32>
    %48 = stablehlo.broadcast_in_dim %45, dims = [1] : (tensor<64xf32>) -> tensor<10x64xf32>
    %49 = stablehlo.multiply %47, %48 : tensor<10x64xf32>
    %50 = stablehlo.cosine %49 : tensor<10x64xf32>
    %51 = stablehlo.concatenate %50, %50, dim = 1 : (tensor<10x64xf32>, tensor<10x64xf32>) -> tensor<10x128xf32>
    %52 = stablehlo.broadcast_in_dim %51, dims = [0, 2] : (tensor<10x128xf32>) -> tensor<10x8x128xf32>
    %53 = stablehlo.sine %49 : tensor<10x64xf32>
    %54 = stablehlo.concatenate %53, %53, dim = 1 : (tensor<10x64xf32>, tensor<10x64xf32>) -> tensor<10x128xf32>
    %55 = stablehlo.broadcast_in_dim %54, dims = [0, 2] : (tensor<10x128xf32>) -> tensor<10x8x128xf32>
    %56 = stablehlo.convert %21 : (tensor<10x8x128xbf16>) -> tensor<10x8x128xf32>
    %57 = stablehlo.slice %56 [0:10, 0:8, 0:64] : (tensor<10x8x128xf32>) -> tensor<10x8x64xf32>
    %58 = stablehlo.slice %56 [0:10, 0:8, 64:128] : (tensor<10x8x128xf32>) -> tensor<10x8x64xf32>
    %59 = stablehlo.negate %58 : tensor<10x8x64xf32>
    %60 = stablehlo.concatenate %59, %57, dim = 2 : (tensor<10x8x64xf32>, tensor<10x8x64xf32>) -> tensor<10x8x128xf32>
    %61 = stablehlo.multiply %56, %52 : tensor<10x8x128xf32>
    %62 = stablehlo.multiply %60, %55 : tensor<10x8x128xf32>
    %63 = stablehlo.add %61, %62 : tensor<10x8x128xf32>
    %64 = stablehlo.convert %63 : (tensor<10x8x128xf32>) -> tensor<10x8x128xbf16>
    %65 = stablehlo.reshape %target_kv : (tensor<32x2x8x4096x64x128xbf16>) -> tensor<32x2x8x262144x128xbf16>
    %66 = stablehlo.reshape %64 : (tensor<10x8x128xbf16>) -> tensor<10x1x8x128xbf16>
    %67 = stablehlo.reshape %24 : (tensor<10x8x128xbf16>) -> tensor<10x1x8x128xbf16>
    %68 = stablehlo.concatenate %66, %67, dim = 1 : (tensor<10x1x8x128xbf16>, tensor<10x1x8x128xbf16>) -> tensor<10x2x8x128xbf16>
    %69 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<10x1xi32>
    %70 = stablehlo.reshape %rows : (tensor<10xi32>) -> tensor<10x1xi32>
    %71 = stablehlo.concatenate %69, %70, dim = 1 : (tensor<10x1xi32>, tensor<10x1xi32>) -> tensor<10x2xi32>
    %72 = "stablehlo.scatter"(%65, %71, %68) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 3], scatter_dims_to_operand_dims = [0, 3], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg15: tensor<bf16>, %arg16: tensor<bf16>):
      stablehlo.return %arg16 : tensor<bf16>
    }) : (tensor<32x2x8x262144x128xbf16>, tensor<10x2xi32>, tensor<10x2x8x128xbf16>) -> tensor<32x2x8x262144x128xbf16>
    %73 = stablehlo.reshape %72 : (tensor<32x2x8x262144x128xbf16>) -> tensor<32x2x8x4096x64x128xbf16>
    %74 = stablehlo.reshape %44 : (tensor<10x32x128xbf16>) -> tensor<1x10x32x128xbf16>
    %75 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<1x129x1xi32>
    %76 = stablehlo.constant dense<0> : tensor<1x129x1xi32>
    %77 = stablehlo.reshape %tables : (tensor<1x129xi32>) -> tensor<1x129x1xi32>
    %78 = stablehlo.concatenate %75, %76, %77, dim = 2 : (tensor<1x129x1xi32>, tensor<1x129x1xi32>, tensor<1x129x1xi32>) -> tensor<1x129x3xi32>
    %79 = "stablehlo.gather"(%73, %78) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8, 1, 64, 128>}> : (tensor<32x2x8x4096x64x128xbf16>, tensor<1x129x3xi32>) -> tensor<1x129x8x64x128xbf16>
    %80 = stablehlo.transpose %79, dims = [0, 1, 3, 2, 4] : (tensor<1x129x8x64x128xbf16>) -> tensor<1x129x64x8x128xbf16>
    %81 = stablehlo.reshape %80 : (tensor<1x129x64x8x128xbf16>) -> tensor<1x8256x8x128xbf16>
    %82 = stablehlo.broadcast_in_dim %layer, dims = [] : (tensor<i32>) -> tensor<1x129x1xi32>
    %83 = stablehlo.constant dense<1> : tensor<1x129x1xi32>
    %84 = stablehlo.reshape %tables : (tensor<1x129xi32>) -> tensor<1x129x1xi32>
    %85 = stablehlo.concatenate %82, %83, %84, dim = 2 : (tensor<1x129x1xi32>, tensor<1x129x1xi32>, tensor<1x129x1xi32>) -> tensor<1x129x3xi32>
    %86 = "stablehlo.gather"(%73, %85) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 3, 4], collapsed_slice_dims = [0, 1, 3], start_index_map = [0, 1, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 8, 1, 64, 128>}> : (tensor<32x2x8x4096x64x128xbf16>, tensor<1x129x3xi32>) -> tensor<1x129x8x64x128xbf16>
    %87 = stablehlo.transpose %86, dims = [0, 1, 3, 2, 4] : (tensor<1x129x8x64x128xbf16>) -> tensor<1x129x64x8x128xbf16>
    %88 = stablehlo.reshape %87 : (tensor<1x129x64x8x128xbf16>) -> tensor<1x8256x8x128xbf16>
    %89 = stablehlo.iota dim = 2 : tensor<1x10x8256xi32>
    %90 = stablehlo.broadcast_in_dim %positions, dims = [0, 1] : (tensor<1x10xi32>) -> tensor<1x10x8256xi32>
    %91 = stablehlo.compare  LE, %89, %90,  SIGNED : (tensor<1x10x8256xi32>, tensor<1x10x8256xi32>) -> tensor<1x10x8256xi1>
    %92 = stablehlo.convert %74 : (tensor<1x10x32x128xbf16>) -> tensor<1x10x32x128xf32>
    %93 = stablehlo.reshape %92 : (tensor<1x10x32x128xf32>) -> tensor<1x10x8x4x128xf32>
    %94 = stablehlo.convert %81 : (tensor<1x8256x8x128xbf16>) -> tensor<1x8256x8x128xf32>
    %95 = stablehlo.dot_general %93, %94, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<1x10x8x4x128xf32>, tensor<1x8256x8x128xf32>) -> tensor<1x8x10x4x8256xf32>
    %96 = stablehlo.constant dense<8.8388346e-02> : tensor<1x8x10x4x8256xf32>
    %97 = stablehlo.multiply %95, %96 : tensor<1x8x10x4x8256xf32>
    %98 = stablehlo.broadcast_in_dim %91, dims = [0, 2, 4] : (tensor<1x10x8256xi1>) -> tensor<1x8x10x4x8256xi1>
    %99 = stablehlo.constant dense<0xFF800000> : tensor<1x8x10x4x8256xf32>
    %100 = stablehlo.select %98, %97, %99 : tensor<1x8x10x4x8256xi1>, tensor<1x8x10x4x8256xf32>
    %101 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %102 = stablehlo.reduce(%100 init: %101) applies stablehlo.maximum across dimensions = [4] : (tensor<1x8x10x4x8256xf32>, tensor<f32>) -> tensor<1x8x10x4xf32>
    %103 = stablehlo.broadcast_in_dim %102, dims = [0, 1, 2, 3] : (tensor<1x8x10x4xf32>) -> tensor<1x8x10x4x8256xf32>
    %104 = stablehlo.subtract %100, %103 : tensor<1x8x10x4x8256xf32>
    %105 = stablehlo.exponential %104 : tensor<1x8x10x4x8256xf32>
    %106 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %107 = stablehlo.reduce(%105 init: %106) applies stablehlo.add across dimensions = [4] : (tensor<1x8x10x4x8256xf32>, tensor<f32>) -> tensor<1x8x10x4xf32>
    %108 = stablehlo.broadcast_in_dim %107, dims = [0, 1, 2, 3] : (tensor<1x8x10x4xf32>) -> tensor<1x8x10x4x8256xf32>
    %109 = stablehlo.divide %105, %108 : tensor<1x8x10x4x8256xf32>
    %110 = stablehlo.convert %88 : (tensor<1x8256x8x128xbf16>) -> tensor<1x8256x8x128xf32>
    %111 = stablehlo.dot_general %109, %110, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<1x8x10x4x8256xf32>, tensor<1x8256x8x128xf32>) -> tensor<1x8x10x4x128xf32>
    %112 = stablehlo.transpose %111, dims = [0, 2, 1, 3, 4] : (tensor<1x8x10x4x128xf32>) -> tensor<1x10x8x4x128xf32>
    %113 = stablehlo.reshape %112 : (tensor<1x10x8x4x128xf32>) -> tensor<1x10x32x128xf32>
    %114 = stablehlo.convert %113 : (tensor<1x10x32x128xf32>) -> tensor<1x10x32x128xbf16>
    %115 = stablehlo.reshape %114 : (tensor<1x10x32x128xbf16>) -> tensor<10x4096xbf16>
    %116 = stablehlo.dot_general %115, %self_attn.o_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<4096x4096xbf16>) -> tensor<10x4096xf32>
    %117 = stablehlo.convert %116 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %118 = stablehlo.add %x, %117 : tensor<10x4096xbf16>
    %119 = stablehlo.convert %118 : (tensor<10x4096xbf16>) -> tensor<10x4096xf32>
    %120 = stablehlo.multiply %119, %119 : tensor<10x4096xf32>
    %121 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %122 = stablehlo.reduce(%120 init: %121) applies stablehlo.add across dimensions = [1] : (tensor<10x4096xf32>, tensor<f32>) -> tensor<10xf32>
    %123 = stablehlo.constant dense<4.096000e+03> : tensor<10xf32>
    %124 = stablehlo.divide %122, %123 : tensor<10xf32>
    %125 = stablehlo.constant dense<1.000000e-05> : tensor<10xf32>
    %126 = stablehlo.add %124, %125 : tensor<10xf32>
    %127 = stablehlo.rsqrt %126 : tensor<10xf32>
    %128 = stablehlo.broadcast_in_dim %127, dims = [0] : (tensor<10xf32>) -> tensor<10x4096xf32>
    %129 = stablehlo.multiply %119, %128 : tensor<10x4096xf32>
    %130 = stablehlo.convert %post_attention_layernorm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %131 = stablehlo.broadcast_in_dim %130, dims = [1] : (tensor<4096xf32>) -> tensor<10x4096xf32>
    %132 = stablehlo.multiply %129, %131 : tensor<10x4096xf32>
    %133 = stablehlo.convert %132 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %134 = stablehlo.dot_general %133, %mlp.gate_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<14336x4096xbf16>) -> tensor<10x14336xf32>
    %135 = stablehlo.convert %134 : (tensor<10x14336xf32>) -> tensor<10x14336xbf16>
    %136 = stablehlo.dot_general %133, %mlp.up_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<14336x4096xbf16>) -> tensor<10x14336xf32>
    %137 = stablehlo.convert %136 : (tensor<10x14336xf32>) -> tensor<10x14336xbf16>
    %138 = stablehlo.convert %135 : (tensor<10x14336xbf16>) -> tensor<10x14336xf32>
    %139 = stablehlo.logistic %138 : tensor<10x14336xf32>
    %140 = stablehlo.multiply %138, %139 : tensor<10x14336xf32>
    %141 = stablehlo.convert %137 : (tensor<10x14336xbf16>) -> tensor<10x14336xf32>
    %142 = stablehlo.multiply %140, %141 : tensor<10x14336xf32>
    %143 = stablehlo.convert %142 : (tensor<10x14336xf32>) -> tensor<10x14336xbf16>
    %144 = stablehlo.dot_general %143, %mlp.down_proj.weight, contracting_dims = [1] x [1] : (tensor<10x14336xbf16>, tensor<4096x14336xbf16>) -> tensor<10x4096xf32>
    %145 = stablehlo.convert %144 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %146 = stablehlo.add %118, %145 : tensor<10x4096xbf16>
    return %146, %73 : tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>
  }
  func.func private @draft_context(%ctx: tensor<10x4096xbf16>, %positions: tensor<10xi32>, %self_attn.k_proj.weight: tensor<1024x4096xbf16>, %self_attn.v_proj.weight: tensor<1024x4096xbf16>, %self_attn.k_norm.weight: tensor<128xbf16>) -> (tensor<10x8x128xbf16>, tensor<10x8x128xbf16>) {
    %0 = stablehlo.dot_general %ctx, %self_attn.k_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<1024x4096xbf16>) -> tensor<10x1024xf32>
    %1 = stablehlo.convert %0 : (tensor<10x1024xf32>) -> tensor<10x1024xbf16>
    %2 = stablehlo.reshape %1 : (tensor<10x1024xbf16>) -> tensor<10x8x128xbf16>
    %3 = stablehlo.dot_general %ctx, %self_attn.v_proj.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<1024x4096xbf16>) -> tensor<10x1024xf32>
    %4 = stablehlo.convert %3 : (tensor<10x1024xf32>) -> tensor<10x1024xbf16>
    %5 = stablehlo.reshape %4 : (tensor<10x1024xbf16>) -> tensor<10x8x128xbf16>
    %6 = stablehlo.convert %2 : (tensor<10x8x128xbf16>) -> tensor<10x8x128xf32>
    %7 = stablehlo.multiply %6, %6 : tensor<10x8x128xf32>
    %8 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %9 = stablehlo.reduce(%7 init: %8) applies stablehlo.add across dimensions = [2] : (tensor<10x8x128xf32>, tensor<f32>) -> tensor<10x8xf32>
    %10 = stablehlo.constant dense<1.280000e+02> : tensor<10x8xf32>
    %11 = stablehlo.divide %9, %10 : tensor<10x8xf32>
    %12 = stablehlo.constant dense<1.000000e-05> : tensor<10x8xf32>
    %13 = stablehlo.add %11, %12 : tensor<10x8xf32>
    %14 = stablehlo.rsqrt %13 : tensor<10x8xf32>
    %15 = stablehlo.broadcast_in_dim %14, dims = [0, 1] : (tensor<10x8xf32>) -> tensor<10x8x128xf32>
    %16 = stablehlo.multiply %6, %15 : tensor<10x8x128xf32>
    %17 = stablehlo.convert %self_attn.k_norm.weight : (tensor<128xbf16>) -> tensor<128xf32>
    %18 = stablehlo.broadcast_in_dim %17, dims = [2] : (tensor<128xf32>) -> tensor<10x8x128xf32>
    %19 = stablehlo.multiply %16, %18 : tensor<10x8x128xf32>
    %20 = stablehlo.convert %19 : (tensor<10x8x128xf32>) -> tensor<10x8x128xbf16>
    %21 = stablehlo.constant dense<[1.000000e+00, 8.146172e-01, 6.636012e-01, 5.405810e-01, 4.403666e-01, 3.5873023e-01, 2.9222783e-01, 2.3805381e-01, 1.9392274e-01, 1.5797281e-01, 1.2868737e-01, 1.0483095e-01, 8.539710e-02, 6.956595e-02, 5.6669623e-02, 4.616405e-02, 3.760603e-02, 3.063452e-02, 2.4955409e-02, 2.0329107e-02, 1.656044e-02, 1.349042e-02, 1.0989528e-02, 8.952259e-03, 7.2926646e-03, 5.940730e-03, 4.8394212e-03, 3.942276e-03, 3.211446e-03, 2.1665709e-03, 1.3718936e-03, 8.567514e-04, 5.2484614e-04, 3.1269374e-04, 1.785078e-04, 9.556212e-05, 7.7846555e-05, 6.3415144e-05, 5.165907e-05, 4.2082367e-05, 3.4281024e-05, 2.7925911e-05, 2.2748929e-05, 1.853167e-05, 1.5096217e-05, 1.2297639e-05, 1.0017869e-05, 8.160729e-06, 6.6478697e-06, 5.4154693e-06, 4.4115345e-06, 3.593712e-06, 2.927500e-06, 2.3847917e-06, 1.9426925e-06, 1.5825508e-06, 1.2891732e-06, 1.0501827e-06, 8.554969e-07, 6.9690253e-07, 5.677088e-07, 4.6246538e-07, 3.7673226e-07, 3.068926e-07]> : tensor<64xf32>
    %22 = stablehlo.convert %positions : (tensor<10xi32>) -> tensor<10xf32>
    %23 = stablehlo.broadcast_in_dim %22, dims = [0] : (tensor<10xf32>) -> tensor<10x64xf32>
    %24 = stablehlo.broadcast_in_dim %21, dims = [1] : (tensor<64xf32>) -> tensor<10x64xf32>
    %25 = stablehlo.multiply %23, %24 : tensor<10x64xf32>
    %26 = stablehlo.cosine %25 : tensor<10x64xf32>
    %27 = stablehlo.concatenate %26, %26, dim = 1 : (tensor<10x64xf32>, tensor<10x64xf32>) -> tensor<10x128xf32>
    %28 = stablehlo.broadcast_in_dim %27, dims = [0, 2] : (tensor<10x128xf32>) -> tensor<10x8x128xf32>
    %29 = stablehlo.sine %25 : tensor<10x64xf32>
    %30 = stablehlo.concatenate %29, %29, dim = 1 : (tensor<10x64xf32>, tensor<10x64xf32>) -> tensor<10x128xf32>
    %31 = stablehlo.broadcast_in_dim %30, dims = [0, 2] : (tensor<10x128xf32>) -> tensor<10x8x128xf32>
    %32 = stablehlo.convert %20 : (tensor<10x8x128xbf16>) -> tensor<10x8x128xf32>
    %33 = stablehlo.slice %32 [0:10, 0:8, 0:64] : (tensor<10x8x128xf32>) -> tensor<10x8x64xf32>
    %34 = stablehlo.slice %32 [0:10, 0:8, 64:128] : (tensor<10x8x128xf32>) -> tensor<10x8x64xf32>
    %35 = stablehlo.negate %34 : tensor<10x8x64xf32>
    %36 = stablehlo.concatenate %35, %33, dim = 2 : (tensor<10x8x64xf32>, tensor<10x8x64xf32>) -> tensor<10x8x128xf32>
    %37 = stablehlo.multiply %32, %28 : tensor<10x8x128xf32>
    %38 = stablehlo.multiply %36, %31 : tensor<10x8x128xf32>
    %39 = stablehlo.add %37, %38 : tensor<10x8x128xf32>
    %40 = stablehlo.convert %39 : (tensor<10x8x128xf32>) -> tensor<10x8x128xbf16>
    return %40, %5 : tensor<10x8x128xbf16>, tensor<10x8x128xbf16>
  }
}
