module @verify_r1 {
  func.func public @main(%target.model.embed_tokens.weight: tensor<128256x4096xbf16>, %target.model.layers.0.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.0.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.0.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.0.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.0.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.0.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.0.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.0.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.0.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.1.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.1.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.1.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.1.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.1.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.1.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.1.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.1.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.1.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.2.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.2.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.2.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.2.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.2.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.2.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.2.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.2.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.2.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.3.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.3.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.3.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.3.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.3.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.3.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.3.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.3.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.3.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.4.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.4.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.4.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.4.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.4.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.4.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.4.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.4.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.4.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.5.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.5.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.5.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.5.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.5.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.5.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.5.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.5.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.5.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.6.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.6.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.6.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.6.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.6.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.6.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.6.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.6.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.6.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.7.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.7.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.7.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.7.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.7.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.7.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.7.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.7.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.7.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.8.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.8.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.8.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.8.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.8.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.8.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.8.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.8.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.8.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.9.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.9.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.9.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.9.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.9.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.9.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.9.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.9.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.9.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.10.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.10.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.10.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.10.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.10.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.10.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.10.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.10.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.10.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.11.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.11.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.11.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.11.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.11.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.11.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.11.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.11.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.11.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.12.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.12.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.12.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.12.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.12.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.12.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.12.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.12.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.12.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.13.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.13.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.13.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.13.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.13.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.13.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.13.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.13.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.13.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.14.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.14.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.14.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.14.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.14.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.14.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.14.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.14.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.14.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.15.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.15.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.15.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.15.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.15.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.15.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.15.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.15.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.15.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.16.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.16.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.16.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.16.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.16.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.16.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.16.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.16.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.16.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.17.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.17.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.17.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.17.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.17.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.17.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.17.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.17.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.17.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.18.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.18.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.18.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.18.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.18.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.18.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.18.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.18.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.18.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.19.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.19.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.19.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.19.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.19.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.19.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.19.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.19.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.19.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.20.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.20.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.20.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.20.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.20.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.20.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.20.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.20.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.20.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.21.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.21.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.21.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.21.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.21.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.21.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.21.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.21.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.21.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.22.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.22.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.22.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.22.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.22.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.22.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.22.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.22.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.22.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.23.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.23.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.23.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.23.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.23.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.23.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.23.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.23.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.23.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.24.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.24.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.24.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.24.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.24.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.24.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.24.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.24.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.24.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.25.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.25.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.25.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.25.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.25.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.25.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.25.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.25.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.25.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.26.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.26.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.26.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.26.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.26.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.26.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.26.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.26.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.26.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.27.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.27.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.27.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.27.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.27.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.27.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.27.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.27.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.27.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.28.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.28.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.28.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.28.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.28.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.28.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.28.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.28.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.28.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.29.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.29.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.29.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.29.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.29.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.29.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.29.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.29.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.29.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.30.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.30.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.30.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.30.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.30.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.30.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.30.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.30.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.30.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.layers.31.input_layernorm.weight: tensor<4096xbf16>, %target.model.layers.31.self_attn.q_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.31.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.31.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %target.model.layers.31.self_attn.o_proj.weight: tensor<4096x4096xbf16>, %target.model.layers.31.post_attention_layernorm.weight: tensor<4096xbf16>, %target.model.layers.31.mlp.gate_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.31.mlp.up_proj.weight: tensor<14336x4096xbf16>, %target.model.layers.31.mlp.down_proj.weight: tensor<4096x14336xbf16>, %target.model.norm.weight: tensor<4096xbf16>, %target.lm_head.weight: tensor<128256x4096xbf16>, %draft.fc.weight: tensor<4096x20480xbf16>, %draft.hidden_norm.weight: tensor<4096xbf16>, %draft.layers.0.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.0.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.0.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.1.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.1.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.1.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.2.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.2.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.2.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.3.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.3.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.3.self_attn.k_norm.weight: tensor<128xbf16>, %draft.layers.4.self_attn.k_proj.weight: tensor<1024x4096xbf16>, %draft.layers.4.self_attn.v_proj.weight: tensor<1024x4096xbf16>, %draft.layers.4.self_attn.k_norm.weight: tensor<128xbf16>, %target_kv: tensor<32x2x8x4096x64x128xbf16> {jax.buffer_donor = true}, %draft_k: tensor<5x65x8320x8x128xbf16> {jax.buffer_donor = true}, %draft_v: tensor<5x65x8320x8x128xbf16> {jax.buffer_donor = true}, %block_tokens: tensor<1x10xi32>, %seq_lens: tensor<1xi32>, %block_tables: tensor<1x129xi32>, %draft_slots: tensor<1xi32>) -> (tensor<1xi32>, tensor<1x10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<5x65x8320x8x128xbf16>, tensor<5x65x8320x8x128xbf16>) {
    %0 = stablehlo.broadcast_in_dim %seq_lens, dims = [0] : (tensor<1xi32>) -> tensor<1x10xi32>
    %1 = stablehlo.iota dim = 1 : tensor<1x10xi32>
    %2 = stablehlo.add %0, %1 : tensor<1x10xi32>
    %3 = stablehlo.iota dim = 0 : tensor<1x10xi32>
    %4 = stablehlo.reshape %3 : (tensor<1x10xi32>) -> tensor<1x10x1xi32>
    %5 = stablehlo.constant dense<64> : tensor<1x10xi32>
    %6 = stablehlo.divide %2, %5 : tensor<1x10xi32>
    %7 = stablehlo.reshape %6 : (tensor<1x10xi32>) -> tensor<1x10x1xi32>
    %8 = stablehlo.concatenate %4, %7, dim = 2 : (tensor<1x10x1xi32>, tensor<1x10x1xi32>) -> tensor<1x10x2xi32>
    %9 = "stablehlo.gather"(%block_tables, %8) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>}> : (tensor<1x129xi32>, tensor<1x10x2xi32>) -> tensor<1x10xi32>
    %10 = stablehlo.constant dense<64> : tensor<1x10xi32>
    %11 = stablehlo.multiply %9, %10 : tensor<1x10xi32>
    %12 = stablehlo.constant dense<64> : tensor<1x10xi32>
    %13 = stablehlo.remainder %2, %12 : tensor<1x10xi32>
    %14 = stablehlo.add %11, %13 : tensor<1x10xi32>
    %15 = stablehlo.reshape %14 : (tensor<1x10xi32>) -> tensor<10xi32>
    %16 = stablehlo.reshape %block_tokens : (tensor<1x10xi32>) -> tensor<10xi32>
    %17 = stablehlo.reshape %16 : (tensor<10xi32>) -> tensor<10x1xi32>
    %18 = "stablehlo.gather"(%target.model.embed_tokens.weight, %17) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 4096>}> : (tensor<128256x4096xbf16>, tensor<10x1xi32>) -> tensor<10x4096xbf16>
    %19 = stablehlo.constant dense<0> : tensor<i32>
    %20:2 = func.call @target_layer(%18, %2, %block_tables, %15, %target_kv, %19, %target.model.layers.0.input_layernorm.weight, %target.model.layers.0.self_attn.q_proj.weight, %target.model.layers.0.self_attn.k_proj.weight, %target.model.layers.0.self_attn.v_proj.weight, %target.model.layers.0.self_attn.o_proj.weight, %target.model.layers.0.post_attention_layernorm.weight, %target.model.layers.0.mlp.gate_proj.weight, %target.model.layers.0.mlp.up_proj.weight, %target.model.layers.0.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %21 = stablehlo.constant dense<1> : tensor<i32>
    %22:2 = func.call @target_layer(%20#0, %2, %block_tables, %15, %20#1, %21, %target.model.layers.1.input_layernorm.weight, %target.model.layers.1.self_attn.q_proj.weight, %target.model.layers.1.self_attn.k_proj.weight, %target.model.layers.1.self_attn.v_proj.weight, %target.model.layers.1.self_attn.o_proj.weight, %target.model.layers.1.post_attention_layernorm.weight, %target.model.layers.1.mlp.gate_proj.weight, %target.model.layers.1.mlp.up_proj.weight, %target.model.layers.1.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %23 = stablehlo.constant dense<2> : tensor<i32>
    %24:2 = func.call @target_layer(%22#0, %2, %block_tables, %15, %22#1, %23, %target.model.layers.2.input_layernorm.weight, %target.model.layers.2.self_attn.q_proj.weight, %target.model.layers.2.self_attn.k_proj.weight, %target.model.layers.2.self_attn.v_proj.weight, %target.model.layers.2.self_attn.o_proj.weight, %target.model.layers.2.post_attention_layernorm.weight, %target.model.layers.2.mlp.gate_proj.weight, %target.model.layers.2.mlp.up_proj.weight, %target.model.layers.2.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %25 = stablehlo.constant dense<3> : tensor<i32>
    %26:2 = func.call @target_layer(%24#0, %2, %block_tables, %15, %24#1, %25, %target.model.layers.3.input_layernorm.weight, %target.model.layers.3.self_attn.q_proj.weight, %target.model.layers.3.self_attn.k_proj.weight, %target.model.layers.3.self_attn.v_proj.weight, %target.model.layers.3.self_attn.o_proj.weight, %target.model.layers.3.post_attention_layernorm.weight, %target.model.layers.3.mlp.gate_proj.weight, %target.model.layers.3.mlp.up_proj.weight, %target.model.layers.3.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %27 = stablehlo.constant dense<4> : tensor<i32>
    %28:2 = func.call @target_layer(%26#0, %2, %block_tables, %15, %26#1, %27, %target.model.layers.4.input_layernorm.weight, %target.model.layers.4.self_attn.q_proj.weight, %target.model.layers.4.self_attn.k_proj.weight, %target.model.layers.4.self_attn.v_proj.weight, %target.model.layers.4.self_attn.o_proj.weight, %target.model.layers.4.post_attention_layernorm.weight, %target.model.layers.4.mlp.gate_proj.weight, %target.model.layers.4.mlp.up_proj.weight, %target.model.layers.4.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %29 = stablehlo.constant dense<5> : tensor<i32>
    %30:2 = func.call @target_layer(%28#0, %2, %block_tables, %15, %28#1, %29, %target.model.layers.5.input_layernorm.weight, %target.model.layers.5.self_attn.q_proj.weight, %target.model.layers.5.self_attn.k_proj.weight, %target.model.layers.5.self_attn.v_proj.weight, %target.model.layers.5.self_attn.o_proj.weight, %target.model.layers.5.post_attention_layernorm.weight, %target.model.layers.5.mlp.gate_proj.weight, %target.model.layers.5.mlp.up_proj.weight, %target.model.layers.5.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %31 = stablehlo.constant dense<6> : tensor<i32>
    %32:2 = func.call @target_layer(%30#0, %2, %block_tables, %15, %30#1, %31, %target.model.layers.6.input_layernorm.weight, %target.model.layers.6.self_attn.q_proj.weight, %target.model.layers.6.self_attn.k_proj.weight, %target.model.layers.6.self_attn.v_proj.weight, %target.model.layers.6.self_attn.o_proj.weight, %target.model.layers.6.post_attention_layernorm.weight, %target.model.layers.6.mlp.gate_proj.weight, %target.model.layers.6.mlp.up_proj.weight, %target.model.layers.6.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %33 = stablehlo.constant dense<7> : tensor<i32>
    %34:2 = func.call @target_layer(%32#0, %2, %block_tables, %15, %32#1, %33, %target.model.layers.7.input_layernorm.weight, %target.model.layers.7.self_attn.q_proj.weight, %target.model.layers.7.self_attn.k_proj.weight, %target.model.layers.7.self_attn.v_proj.weight, %target.model.layers.7.self_attn.o_proj.weight, %target.model.layers.7.post_attention_layernorm.weight, %target.model.layers.7.mlp.gate_proj.weight, %target.model.layers.7.mlp.up_proj.weight, %target.model.layers.7.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %35 = stablehlo.constant dense<8> : tensor<i32>
    %36:2 = func.call @target_layer(%34#0, %2, %block_tables, %15, %34#1, %35, %target.model.layers.8.input_layernorm.weight, %target.model.layers.8.self_attn.q_proj.weight, %target.model.layers.8.self_attn.k_proj.weight, %target.model.layers.8.self_attn.v_proj.weight, %target.model.layers.8.self_attn.o_proj.weight, %target.model.layers.8.post_attention_layernorm.weight, %target.model.layers.8.mlp.gate_proj.weight, %target.model.layers.8.mlp.up_proj.weight, %target.model.layers.8.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %37 = stablehlo.constant dense<9> : tensor<i32>
    %38:2 = func.call @target_layer(%36#0, %2, %block_tables, %15, %36#1, %37, %target.model.layers.9.input_layernorm.weight, %target.model.layers.9.self_attn.q_proj.weight, %target.model.layers.9.self_attn.k_proj.weight, %target.model.layers.9.self_attn.v_proj.weight, %target.model.layers.9.self_attn.o_proj.weight, %target.model.layers.9.post_attention_layernorm.weight, %target.model.layers.9.mlp.gate_proj.weight, %target.model.layers.9.mlp.up_proj.weight, %target.model.layers.9.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %39 = stablehlo.constant dense<10> : tensor<i32>
    %40:2 = func.call @target_layer(%38#0, %2, %block_tables, %15, %38#1, %39, %target.model.layers.10.input_layernorm.weight, %target.model.layers.10.self_attn.q_proj.weight, %target.model.layers.10.self_attn.k_proj.weight, %target.model.layers.10.self_attn.v_proj.weight, %target.model.layers.10.self_attn.o_proj.weight, %target.model.layers.10.post_attention_layernorm.weight, %target.model.layers.10.mlp.gate_proj.weight, %target.model.layers.10.mlp.up_proj.weight, %target.model.layers.10.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %41 = stablehlo.constant dense<11> : tensor<i32>
    %42:2 = func.call @target_layer(%40#0, %2, %block_tables, %15, %40#1, %41, %target.model.layers.11.input_layernorm.weight, %target.model.layers.11.self_attn.q_proj.weight, %target.model.layers.11.self_attn.k_proj.weight, %target.model.layers.11.self_attn.v_proj.weight, %target.model.layers.11.self_attn.o_proj.weight, %target.model.layers.11.post_attention_layernorm.weight, %target.model.layers.11.mlp.gate_proj.weight, %target.model.layers.11.mlp.up_proj.weight, %target.model.layers.11.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %43 = stablehlo.constant dense<12> : tensor<i32>
    %44:2 = func.call @target_layer(%42#0, %2, %block_tables, %15, %42#1, %43, %target.model.layers.12.input_layernorm.weight, %target.model.layers.12.self_attn.q_proj.weight, %target.model.layers.12.self_attn.k_proj.weight, %target.model.layers.12.self_attn.v_proj.weight, %target.model.layers.12.self_attn.o_proj.weight, %target.model.layers.12.post_attention_layernorm.weight, %target.model.layers.12.mlp.gate_proj.weight, %target.model.layers.12.mlp.up_proj.weight, %target.model.layers.12.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %45 = stablehlo.constant dense<13> : tensor<i32>
    %46:2 = func.call @target_layer(%44#0, %2, %block_tables, %15, %44#1, %45, %target.model.layers.13.input_layernorm.weight, %target.model.layers.13.self_attn.q_proj.weight, %target.model.layers.13.self_attn.k_proj.weight, %target.model.layers.13.self_attn.v_proj.weight, %target.model.layers.13.self_attn.o_proj.weight, %target.model.layers.13.post_attention_layernorm.weight, %target.model.layers.13.mlp.gate_proj.weight, %target.model.layers.13.mlp.up_proj.weight, %target.model.layers.13.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %47 = stablehlo.constant dense<14> : tensor<i32>
    %48:2 = func.call @target_layer(%46#0, %2, %block_tables, %15, %46#1, %47, %target.model.layers.14.input_layernorm.weight, %target.model.layers.14.self_attn.q_proj.weight, %target.model.layers.14.self_attn.k_proj.weight, %target.model.layers.14.self_attn.v_proj.weight, %target.model.layers.14.self_attn.o_proj.weight, %target.model.layers.14.post_attention_layernorm.weight, %target.model.layers.14.mlp.gate_proj.weight, %target.model.layers.14.mlp.up_proj.weight, %target.model.layers.14.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %49 = stablehlo.constant dense<15> : tensor<i32>
    %50:2 = func.call @target_layer(%48#0, %2, %block_tables, %15, %48#1, %49, %target.model.layers.15.input_layernorm.weight, %target.model.layers.15.self_attn.q_proj.weight, %target.model.layers.15.self_attn.k_proj.weight, %target.model.layers.15.self_attn.v_proj.weight, %target.model.layers.15.self_attn.o_proj.weight, %target.model.layers.15.post_attention_layernorm.weight, %target.model.layers.15.mlp.gate_proj.weight, %target.model.layers.15.mlp.up_proj.weight, %target.model.layers.15.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %51 = stablehlo.constant dense<16> : tensor<i32>
    %52:2 = func.call @target_layer(%50#0, %2, %block_tables, %15, %50#1, %51, %target.model.layers.16.input_layernorm.weight, %target.model.layers.16.self_attn.q_proj.weight, %target.model.layers.16.self_attn.k_proj.weight, %target.model.layers.16.self_attn.v_proj.weight, %target.model.layers.16.self_attn.o_proj.weight, %target.model.layers.16.post_attention_layernorm.weight, %target.model.layers.16.mlp.gate_proj.weight, %target.model.layers.16.mlp.up_proj.weight, %target.model.layers.16.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %53 = stablehlo.constant dense<17> : tensor<i32>
    %54:2 = func.call @target_layer(%52#0, %2, %block_tables, %15, %52#1, %53, %target.model.layers.17.input_layernorm.weight, %target.model.layers.17.self_attn.q_proj.weight, %target.model.layers.17.self_attn.k_proj.weight, %target.model.layers.17.self_attn.v_proj.weight, %target.model.layers.17.self_attn.o_proj.weight, %target.model.layers.17.post_attention_layernorm.weight, %target.model.layers.17.mlp.gate_proj.weight, %target.model.layers.17.mlp.up_proj.weight, %target.model.layers.17.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %55 = stablehlo.constant dense<18> : tensor<i32>
    %56:2 = func.call @target_layer(%54#0, %2, %block_tables, %15, %54#1, %55, %target.model.layers.18.input_layernorm.weight, %target.model.layers.18.self_attn.q_proj.weight, %target.model.layers.18.self_attn.k_proj.weight, %target.model.layers.18.self_attn.v_proj.weight, %target.model.layers.18.self_attn.o_proj.weight, %target.model.layers.18.post_attention_layernorm.weight, %target.model.layers.18.mlp.gate_proj.weight, %target.model.layers.18.mlp.up_proj.weight, %target.model.layers.18.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %57 = stablehlo.constant dense<19> : tensor<i32>
    %58:2 = func.call @target_layer(%56#0, %2, %block_tables, %15, %56#1, %57, %target.model.layers.19.input_layernorm.weight, %target.model.layers.19.self_attn.q_proj.weight, %target.model.layers.19.self_attn.k_proj.weight, %target.model.layers.19.self_attn.v_proj.weight, %target.model.layers.19.self_attn.o_proj.weight, %target.model.layers.19.post_attention_layernorm.weight, %target.model.layers.19.mlp.gate_proj.weight, %target.model.layers.19.mlp.up_proj.weight, %target.model.layers.19.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %59 = stablehlo.constant dense<20> : tensor<i32>
    %60:2 = func.call @target_layer(%58#0, %2, %block_tables, %15, %58#1, %59, %target.model.layers.20.input_layernorm.weight, %target.model.layers.20.self_attn.q_proj.weight, %target.model.layers.20.self_attn.k_proj.weight, %target.model.layers.20.self_attn.v_proj.weight, %target.model.layers.20.self_attn.o_proj.weight, %target.model.layers.20.post_attention_layernorm.weight, %target.model.layers.20.mlp.gate_proj.weight, %target.model.layers.20.mlp.up_proj.weight, %target.model.layers.20.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %61 = stablehlo.constant dense<21> : tensor<i32>
    %62:2 = func.call @target_layer(%60#0, %2, %block_tables, %15, %60#1, %61, %target.model.layers.21.input_layernorm.weight, %target.model.layers.21.self_attn.q_proj.weight, %target.model.layers.21.self_attn.k_proj.weight, %target.model.layers.21.self_attn.v_proj.weight, %target.model.layers.21.self_attn.o_proj.weight, %target.model.layers.21.post_attention_layernorm.weight, %target.model.layers.21.mlp.gate_proj.weight, %target.model.layers.21.mlp.up_proj.weight, %target.model.layers.21.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %63 = stablehlo.constant dense<22> : tensor<i32>
    %64:2 = func.call @target_layer(%62#0, %2, %block_tables, %15, %62#1, %63, %target.model.layers.22.input_layernorm.weight, %target.model.layers.22.self_attn.q_proj.weight, %target.model.layers.22.self_attn.k_proj.weight, %target.model.layers.22.self_attn.v_proj.weight, %target.model.layers.22.self_attn.o_proj.weight, %target.model.layers.22.post_attention_layernorm.weight, %target.model.layers.22.mlp.gate_proj.weight, %target.model.layers.22.mlp.up_proj.weight, %target.model.layers.22.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %65 = stablehlo.constant dense<23> : tensor<i32>
    %66:2 = func.call @target_layer(%64#0, %2, %block_tables, %15, %64#1, %65, %target.model.layers.23.input_layernorm.weight, %target.model.layers.23.self_attn.q_proj.weight, %target.model.layers.23.self_attn.k_proj.weight, %target.model.layers.23.self_attn.v_proj.weight, %target.model.layers.23.self_attn.o_proj.weight, %target.model.layers.23.post_attention_layernorm.weight, %target.model.layers.23.mlp.gate_proj.weight, %target.model.layers.23.mlp.up_proj.weight, %target.model.layers.23.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %67 = stablehlo.constant dense<24> : tensor<i32>
    %68:2 = func.call @target_layer(%66#0, %2, %block_tables, %15, %66#1, %67, %target.model.layers.24.input_layernorm.weight, %target.model.layers.24.self_attn.q_proj.weight, %target.model.layers.24.self_attn.k_proj.weight, %target.model.layers.24.self_attn.v_proj.weight, %target.model.layers.24.self_attn.o_proj.weight, %target.model.layers.24.post_attention_layernorm.weight, %target.model.layers.24.mlp.gate_proj.weight, %target.model.layers.24.mlp.up_proj.weight, %target.model.layers.24.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %69 = stablehlo.constant dense<25> : tensor<i32>
    %70:2 = func.call @target_layer(%68#0, %2, %block_tables, %15, %68#1, %69, %target.model.layers.25.input_layernorm.weight, %target.model.layers.25.self_attn.q_proj.weight, %target.model.layers.25.self_attn.k_proj.weight, %target.model.layers.25.self_attn.v_proj.weight, %target.model.layers.25.self_attn.o_proj.weight, %target.model.layers.25.post_attention_layernorm.weight, %target.model.layers.25.mlp.gate_proj.weight, %target.model.layers.25.mlp.up_proj.weight, %target.model.layers.25.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %71 = stablehlo.constant dense<26> : tensor<i32>
    %72:2 = func.call @target_layer(%70#0, %2, %block_tables, %15, %70#1, %71, %target.model.layers.26.input_layernorm.weight, %target.model.layers.26.self_attn.q_proj.weight, %target.model.layers.26.self_attn.k_proj.weight, %target.model.layers.26.self_attn.v_proj.weight, %target.model.layers.26.self_attn.o_proj.weight, %target.model.layers.26.post_attention_layernorm.weight, %target.model.layers.26.mlp.gate_proj.weight, %target.model.layers.26.mlp.up_proj.weight, %target.model.layers.26.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %73 = stablehlo.constant dense<27> : tensor<i32>
    %74:2 = func.call @target_layer(%72#0, %2, %block_tables, %15, %72#1, %73, %target.model.layers.27.input_layernorm.weight, %target.model.layers.27.self_attn.q_proj.weight, %target.model.layers.27.self_attn.k_proj.weight, %target.model.layers.27.self_attn.v_proj.weight, %target.model.layers.27.self_attn.o_proj.weight, %target.model.layers.27.post_attention_layernorm.weight, %target.model.layers.27.mlp.gate_proj.weight, %target.model.layers.27.mlp.up_proj.weight, %target.model.layers.27.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %75 = stablehlo.constant dense<28> : tensor<i32>
    %76:2 = func.call @target_layer(%74#0, %2, %block_tables, %15, %74#1, %75, %target.model.layers.28.input_layernorm.weight, %target.model.layers.28.self_attn.q_proj.weight, %target.model.layers.28.self_attn.k_proj.weight, %target.model.layers.28.self_attn.v_proj.weight, %target.model.layers.28.self_attn.o_proj.weight, %target.model.layers.28.post_attention_layernorm.weight, %target.model.layers.28.mlp.gate_proj.weight, %target.model.layers.28.mlp.up_proj.weight, %target.model.layers.28.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %77 = stablehlo.constant dense<29> : tensor<i32>
    %78:2 = func.call @target_layer(%76#0, %2, %block_tables, %15, %76#1, %77, %target.model.layers.29.input_layernorm.weight, %target.model.layers.29.self_attn.q_proj.weight, %target.model.layers.29.self_attn.k_proj.weight, %target.model.layers.29.self_attn.v_proj.weight, %target.model.layers.29.self_attn.o_proj.weight, %target.model.layers.29.post_attention_layernorm.weight, %target.model.layers.29.mlp.gate_proj.weight, %target.model.layers.29.mlp.up_proj.weight, %target.model.layers.29.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %79 = stablehlo.constant dense<30> : tensor<i32>
    %80:2 = func.call @target_layer(%78#0, %2, %block_tables, %15, %78#1, %79, %target.model.layers.30.input_layernorm.weight, %target.model.layers.30.self_attn.q_proj.weight, %target.model.layers.30.self_attn.k_proj.weight, %target.model.layers.30.self_attn.v_proj.weight, %target.model.layers.30.self_attn.o_proj.weight, %target.model.layers.30.post_attention_layernorm.weight, %target.model.layers.30.mlp.gate_proj.weight, %target.model.layers.30.mlp.up_proj.weight, %target.model.layers.30.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %81 = stablehlo.constant dense<31> : tensor<i32>
    %82:2 = func.call @target_layer(%80#0, %2, %block_tables, %15, %80#1, %81, %target.model.layers.31.input_layernorm.weight, %target.model.layers.31.self_attn.q_proj.weight, %target.model.layers.31.self_attn.k_proj.weight, %target.model.layers.31.self_attn.v_proj.weight, %target.model.layers.31.self_attn.o_proj.weight, %target.model.layers.31.post_attention_layernorm.weight, %target.model.layers.31.mlp.gate_proj.weight, %target.model.layers.31.mlp.up_proj.weight, %target.model.layers.31.mlp.down_proj.weight) : (tensor<10x4096xbf16>, tensor<1x10xi32>, tensor<1x129xi32>, tensor<10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<i32>, tensor<4096xbf16>, tensor<4096x4096xbf16>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<4096x4096xbf16>, tensor<4096xbf16>, tensor<14336x4096xbf16>, tensor<14336x4096xbf16>, tensor<4096x14336xbf16>) -> (tensor<10x4096xbf16>, tensor<32x2x8x4096x64x128xbf16>)
    %83 = stablehlo.convert %82#0 : (tensor<10x4096xbf16>) -> tensor<10x4096xf32>
    %84 = stablehlo.multiply %83, %83 : tensor<10x4096xf32>
    %85 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %86 = stablehlo.reduce(%84 init: %85) applies stablehlo.add across dimensions = [1] : (tensor<10x4096xf32>, tensor<f32>) -> tensor<10xf32>
    %87 = stablehlo.constant dense<4.096000e+03> : tensor<10xf32>
    %88 = stablehlo.divide %86, %87 : tensor<10xf32>
    %89 = stablehlo.constant dense<1.000000e-05> : tensor<10xf32>
    %90 = stablehlo.add %88, %89 : tensor<10xf32>
    %91 = stablehlo.rsqrt %90 : tensor<10xf32>
    %92 = stablehlo.broadcast_in_dim %91, dims = [0] : (tensor<10xf32>) -> tensor<10x4096xf32>
    %93 = stablehlo.multiply %83, %92 : tensor<10x4096xf32>
    %94 = stablehlo.convert %target.model.norm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %95 = stablehlo.broadcast_in_dim %94, dims = [1] : (tensor<4096xf32>) -> tensor<10x4096xf32>
    %96 = stablehlo.multiply %93, %95 : tensor<10x4096xf32>
    %97 = stablehlo.convert %96 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %98 = stablehlo.dot_general %97, %target.lm_head.weight, contracting_dims = [1] x [1] : (tensor<10x4096xbf16>, tensor<128256x4096xbf16>) -> tensor<10x128256xf32>
    %99 = stablehlo.iota dim = 1 : tensor<10x128256xi32>
    %100 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %101 = stablehlo.constant dense<0> : tensor<i32>
    %102:2 = stablehlo.reduce(%98 init: %100), (%99 init: %101) across dimensions = [1] : (tensor<10x128256xf32>, tensor<10x128256xi32>, tensor<f32>, tensor<i32>) -> (tensor<10xf32>, tensor<10xi32>)
      reducer(%arg315: tensor<f32>, %arg317: tensor<f32>) (%arg316: tensor<i32>, %arg318: tensor<i32>) {
        %103 = stablehlo.compare  GT, %arg315, %arg317,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %104 = stablehlo.compare  EQ, %arg315, %arg317,  FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
        %105 = stablehlo.compare  LT, %arg316, %arg318,  SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
        %106 = stablehlo.and %104, %105 : tensor<i1>
        %107 = stablehlo.or %103, %106 : tensor<i1>
        %108 = stablehlo.select %107, %arg315, %arg317 : tensor<i1>, tensor<f32>
        %109 = stablehlo.select %107, %arg316, %arg318 : tensor<i1>, tensor<i32>
        stablehlo.return %108, %109 : tensor<f32>, tensor<i32>
      }
    %110 = stablehlo.reshape %102#1 : (tensor<10xi32>) -> tensor<1x10xi32>
    %111 = stablehlo.slice %block_tokens [0:1, 1:10] : (tensor<1x10xi32>) -> tensor<1x9xi32>
    %112 = stablehlo.slice %110 [0:1, 0:9] : (tensor<1x10xi32>) -> tensor<1x9xi32>
    %113 = stablehlo.compare  EQ, %111, %112,  SIGNED : (tensor<1x9xi32>, tensor<1x9xi32>) -> tensor<1x9xi1>
    %114 = stablehlo.iota dim = 1 : tensor<1x9xi32>
    %115 = stablehlo.constant dense<9> : tensor<1x9xi32>
    %116 = stablehlo.select %113, %115, %114 : tensor<1x9xi1>, tensor<1x9xi32>
    %117 = stablehlo.constant dense<9> : tensor<i32>
    %118 = stablehlo.reduce(%116 init: %117) applies stablehlo.minimum across dimensions = [1] : (tensor<1x9xi32>, tensor<i32>) -> tensor<1xi32>
    %119 = stablehlo.reshape %2 : (tensor<1x10xi32>) -> tensor<10xi32>
    %120 = stablehlo.concatenate %22#0, %36#0, %50#0, %64#0, %78#0, dim = 1 : (tensor<10x4096xbf16>, tensor<10x4096xbf16>, tensor<10x4096xbf16>, tensor<10x4096xbf16>, tensor<10x4096xbf16>) -> tensor<10x20480xbf16>
    %121 = stablehlo.dot_general %120, %draft.fc.weight, contracting_dims = [1] x [1] : (tensor<10x20480xbf16>, tensor<4096x20480xbf16>) -> tensor<10x4096xf32>
    %122 = stablehlo.convert %121 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %123 = stablehlo.convert %122 : (tensor<10x4096xbf16>) -> tensor<10x4096xf32>
    %124 = stablehlo.multiply %123, %123 : tensor<10x4096xf32>
    %125 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %126 = stablehlo.reduce(%124 init: %125) applies stablehlo.add across dimensions = [1] : (tensor<10x4096xf32>, tensor<f32>) -> tensor<10xf32>
    %127 = stablehlo.constant dense<4.096000e+03> : tensor<10xf32>
    %128 = stablehlo.divide %126, %127 : tensor<10xf32>
    %129 = stablehlo.constant dense<1.000000e-05> : tensor<10xf32>
    %130 = stablehlo.add %128, %129 : tensor<10xf32>
    %131 = stablehlo.rsqrt %130 : tensor<10xf32>
    %132 = stablehlo.broadcast_in_dim %131, dims = [0] : (tensor<10xf32>) -> tensor<10x4096xf32>
    %133 = stablehlo.multiply %123, %132 : tensor<10x4096xf32>
    %134 = stablehlo.convert %draft.hidden_norm.weight : (tensor<4096xbf16>) -> tensor<4096xf32>
    %135 = stablehlo.broadcast_in_dim %134, dims = [1] : (tensor<4096xf32>) -> tensor<10x4096xf32>
    %136 = stablehlo.multiply %133, %135 : tensor<10x4096xf32>
    %137 = stablehlo.convert %136 : (tensor<10x4096xf32>) -> tensor<10x4096xbf16>
    %138:2 = func.call @draft_context(%137, %119, %draft.layers.0.self_attn.k_proj.weight, %draft.layers.0.self_attn.v_proj.weight, %draft.layers.0.self_attn.k_norm.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<128xbf16>) -> (tensor<10x8x128xbf16>, tensor<10x8x128xbf16>)
    %139 = stablehlo.reshape %138#0 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %140 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %141 = stablehlo.constant dense<0> : tensor<1xi32>
    %142 = stablehlo.maximum %draft_slots, %141 : tensor<1xi32>
    %143 = stablehlo.constant dense<64> : tensor<1xi32>
    %144 = stablehlo.minimum %142, %143 : tensor<1xi32>
    %145 = stablehlo.reshape %144 : (tensor<1xi32>) -> tensor<1x1xi32>
    %146 = stablehlo.constant dense<0> : tensor<1xi32>
    %147 = stablehlo.maximum %seq_lens, %146 : tensor<1xi32>
    %148 = stablehlo.constant dense<8310> : tensor<1xi32>
    %149 = stablehlo.minimum %147, %148 : tensor<1xi32>
    %150 = stablehlo.reshape %149 : (tensor<1xi32>) -> tensor<1x1xi32>
    %151 = stablehlo.concatenate %140, %145, %150, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %152 = "stablehlo.scatter"(%draft_k, %151, %139) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg319: tensor<bf16>, %arg320: tensor<bf16>):
      stablehlo.return %arg320 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %153 = stablehlo.reshape %138#1 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %154 = stablehlo.constant dense<0> : tensor<1x1xi32>
    %155 = stablehlo.constant dense<0> : tensor<1xi32>
    %156 = stablehlo.maximum %draft_slots, %155 : tensor<1xi32>
    %157 = stablehlo.constant dense<64> : tensor<1xi32>
    %158 = stablehlo.minimum %156, %157 : tensor<1xi32>
    %159 = stablehlo.reshape %158 : (tensor<1xi32>) -> tensor<1x1xi32>
    %160 = stablehlo.constant dense<0> : tensor<1xi32>
    %161 = stablehlo.maximum %seq_lens, %160 : tensor<1xi32>
    %162 = stablehlo.constant dense<8310> : tensor<1xi32>
    %163 = stablehlo.minimum %161, %162 : tensor<1xi32>
    %164 = stablehlo.reshape %163 : (tensor<1xi32>) -> tensor<1x1xi32>
    %165 = stablehlo.concatenate %154, %159, %164, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %166 = "stablehlo.scatter"(%draft_v, %165, %153) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg321: tensor<bf16>, %arg322: tensor<bf16>):
      stablehlo.return %arg322 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %167:2 = func.call @draft_context(%137, %119, %draft.layers.1.self_attn.k_proj.weight, %draft.layers.1.self_attn.v_proj.weight, %draft.layers.1.self_attn.k_norm.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<128xbf16>) -> (tensor<10x8x128xbf16>, tensor<10x8x128xbf16>)
    %168 = stablehlo.reshape %167#0 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %169 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %170 = stablehlo.constant dense<0> : tensor<1xi32>
    %171 = stablehlo.maximum %draft_slots, %170 : tensor<1xi32>
    %172 = stablehlo.constant dense<64> : tensor<1xi32>
    %173 = stablehlo.minimum %171, %172 : tensor<1xi32>
    %174 = stablehlo.reshape %173 : (tensor<1xi32>) -> tensor<1x1xi32>
    %175 = stablehlo.constant dense<0> : tensor<1xi32>
    %176 = stablehlo.maximum %seq_lens, %175 : tensor<1xi32>
    %177 = stablehlo.constant dense<8310> : tensor<1xi32>
    %178 = stablehlo.minimum %176, %177 : tensor<1xi32>
    %179 = stablehlo.reshape %178 : (tensor<1xi32>) -> tensor<1x1xi32>
    %180 = stablehlo.concatenate %169, %174, %179, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %181 = "stablehlo.scatter"(%152, %180, %168) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg323: tensor<bf16>, %arg324: tensor<bf16>):
      stablehlo.return %arg324 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %182 = stablehlo.reshape %167#1 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %183 = stablehlo.constant dense<1> : tensor<1x1xi32>
    %184 = stablehlo.constant dense<0> : tensor<1xi32>
    %185 = stablehlo.maximum %draft_slots, %184 : tensor<1xi32>
    %186 = stablehlo.constant dense<64> : tensor<1xi32>
    %187 = stablehlo.minimum %185, %186 : tensor<1xi32>
    %188 = stablehlo.reshape %187 : (tensor<1xi32>) -> tensor<1x1xi32>
    %189 = stablehlo.constant dense<0> : tensor<1xi32>
    %190 = stablehlo.maximum %seq_lens, %189 : tensor<1xi32>
    %191 = stablehlo.constant dense<8310> : tensor<1xi32>
    %192 = stablehlo.minimum %190, %191 : tensor<1xi32>
    %193 = stablehlo.reshape %192 : (tensor<1xi32>) -> tensor<1x1xi32>
    %194 = stablehlo.concatenate %183, %188, %193, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %195 = "stablehlo.scatter"(%166, %194, %182) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg325: tensor<bf16>, %arg326: tensor<bf16>):
      stablehlo.return %arg326 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %196:2 = func.call @draft_context(%137, %119, %draft.layers.2.self_attn.k_proj.weight, %draft.layers.2.self_attn.v_proj.weight, %draft.layers.2.self_attn.k_norm.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<128xbf16>) -> (tensor<10x8x128xbf16>, tensor<10x8x128xbf16>)
    %197 = stablehlo.reshape %196#0 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %198 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %199 = stablehlo.constant dense<0> : tensor<1xi32>
    %200 = stablehlo.maximum %draft_slots, %199 : tensor<1xi32>
    %201 = stablehlo.constant dense<64> : tensor<1xi32>
    %202 = stablehlo.minimum %200, %201 : tensor<1xi32>
    %203 = stablehlo.reshape %202 : (tensor<1xi32>) -> tensor<1x1xi32>
    %204 = stablehlo.constant dense<0> : tensor<1xi32>
    %205 = stablehlo.maximum %seq_lens, %204 : tensor<1xi32>
    %206 = stablehlo.constant dense<8310> : tensor<1xi32>
    %207 = stablehlo.minimum %205, %206 : tensor<1xi32>
    %208 = stablehlo.reshape %207 : (tensor<1xi32>) -> tensor<1x1xi32>
    %209 = stablehlo.concatenate %198, %203, %208, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %210 = "stablehlo.scatter"(%181, %209, %197) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg327: tensor<bf16>, %arg328: tensor<bf16>):
      stablehlo.return %arg328 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %211 = stablehlo.reshape %196#1 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %212 = stablehlo.constant dense<2> : tensor<1x1xi32>
    %213 = stablehlo.constant dense<0> : tensor<1xi32>
    %214 = stablehlo.maximum %draft_slots, %213 : tensor<1xi32>
    %215 = stablehlo.constant dense<64> : tensor<1xi32>
    %216 = stablehlo.minimum %214, %215 : tensor<1xi32>
    %217 = stablehlo.reshape %216 : (tensor<1xi32>) -> tensor<1x1xi32>
    %218 = stablehlo.constant dense<0> : tensor<1xi32>
    %219 = stablehlo.maximum %seq_lens, %218 : tensor<1xi32>
    %220 = stablehlo.constant dense<8310> : tensor<1xi32>
    %221 = stablehlo.minimum %219, %220 : tensor<1xi32>
    %222 = stablehlo.reshape %221 : (tensor<1xi32>) -> tensor<1x1xi32>
    %223 = stablehlo.concatenate %212, %217, %222, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %224 = "stablehlo.scatter"(%195, %223, %211) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg329: tensor<bf16>, %arg330: tensor<bf16>):
      stablehlo.return %arg330 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %225:2 = func.call @draft_context(%137, %119, %draft.layers.3.self_attn.k_proj.weight, %draft.layers.3.self_attn.v_proj.weight, %draft.layers.3.self_attn.k_norm.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<128xbf16>) -> (tensor<10x8x128xbf16>, tensor<10x8x128xbf16>)
    %226 = stablehlo.reshape %225#0 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %227 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %228 = stablehlo.constant dense<0> : tensor<1xi32>
    %229 = stablehlo.maximum %draft_slots, %228 : tensor<1xi32>
    %230 = stablehlo.constant dense<64> : tensor<1xi32>
    %231 = stablehlo.minimum %229, %230 : tensor<1xi32>
    %232 = stablehlo.reshape %231 : (tensor<1xi32>) -> tensor<1x1xi32>
    %233 = stablehlo.constant dense<0> : tensor<1xi32>
    %234 = stablehlo.maximum %seq_lens, %233 : tensor<1xi32>
    %235 = stablehlo.constant dense<8310> : tensor<1xi32>
    %236 = stablehlo.minimum %234, %235 : tensor<1xi32>
    %237 = stablehlo.reshape %236 : (tensor<1xi32>) -> tensor<1x1xi32>
    %238 = stablehlo.concatenate %227, %232, %237, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %239 = "stablehlo.scatter"(%210, %238, %226) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg331: tensor<bf16>, %arg332: tensor<bf16>):
      stablehlo.return %arg332 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %240 = stablehlo.reshape %225#1 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %241 = stablehlo.constant dense<3> : tensor<1x1xi32>
    %242 = stablehlo.constant dense<0> : tensor<1xi32>
    %243 = stablehlo.maximum %draft_slots, %242 : tensor<1xi32>
    %244 = stablehlo.constant dense<64> : tensor<1xi32>
    %245 = stablehlo.minimum %243, %244 : tensor<1xi32>
    %246 = stablehlo.reshape %245 : (tensor<1xi32>) -> tensor<1x1xi32>
    %247 = stablehlo.constant dense<0> : tensor<1xi32>
    %248 = stablehlo.maximum %seq_lens, %247 : tensor<1xi32>
    %249 = stablehlo.constant dense<8310> : tensor<1xi32>
    %250 = stablehlo.minimum %248, %249 : tensor<1xi32>
    %251 = stablehlo.reshape %250 : (tensor<1xi32>) -> tensor<1x1xi32>
    %252 = stablehlo.concatenate %241, %246, %251, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %253 = "stablehlo.scatter"(%224, %252, %240) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg333: tensor<bf16>, %arg334: tensor<bf16>):
      stablehlo.return %arg334 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %254:2 = func.call @draft_context(%137, %119, %draft.layers.4.self_attn.k_proj.weight, %draft.layers.4.self_attn.v_proj.weight, %draft.layers.4.self_attn.k_norm.weight) : (tensor<10x4096xbf16>, tensor<10xi32>, tensor<1024x4096xbf16>, tensor<1024x4096xbf16>, tensor<128xbf16>) -> (tensor<10x8x128xbf16>, tensor<10x8x128xbf16>)
    %255 = stablehlo.reshape %254#0 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %256 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %257 = stablehlo.constant dense<0> : tensor<1xi32>
    %258 = stablehlo.maximum %draft_slots, %257 : tensor<1xi32>
    %259 = stablehlo.constant dense<64> : tensor<1xi32>
    %260 = stablehlo.minimum %258, %259 : tensor<1xi32>
    %261 = stablehlo.reshape %260 : (tensor<1xi32>) -> tensor<1x1xi32>
    %262 = stablehlo.constant dense<0> : tensor<1xi32>
    %263 = stablehlo.maximum %seq_lens, %262 : tensor<1xi32>
    %264 = stablehlo.constant dense<8310> : tensor<1xi32>
    %265 = stablehlo.minimum %263, %264 : tensor<1xi32>
    %266 = stablehlo.reshape %265 : (tensor<1xi32>) -> tensor<1x1xi32>
    %267 = stablehlo.concatenate %256, %261, %266, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %268 = "stablehlo.scatter"(%239, %267, %255) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg335: tensor<bf16>, %arg336: tensor<bf16>):
      stablehlo.return %arg336 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    %269 = stablehlo.reshape %254#1 : (tensor<10x8x128xbf16>) -> tensor<1x10x8x128xbf16>
    %270 = stablehlo.constant dense<4> : tensor<1x1xi32>
    %271 = stablehlo.constant dense<0> : tensor<1xi32>
    %272 = stablehlo.maximum %draft_slots, %271 : tensor<1xi32>
    %273 = stablehlo.constant dense<64> : tensor<1xi32>
    %274 = stablehlo.minimum %272, %273 : tensor<1xi32>
    %275 = stablehlo.reshape %274 : (tensor<1xi32>) -> tensor<1x1xi32>
    %276 = stablehlo.constant dense<0> : tensor<1xi32>
    %277 = stablehlo.maximum %seq_lens, %276 : tensor<1xi32>
    %278 = stablehlo.constant dense<8310> : tensor<1xi32>
    %279 = stablehlo.minimum %277, %278 : tensor<1xi32>
    %280 = stablehlo.reshape %279 : (tensor<1xi32>) -> tensor<1x1xi32>
    %281 = stablehlo.concatenate %270, %275, %280, dim = 1 : (tensor<1x1xi32>, tensor<1x1xi32>, tensor<1x1xi32>) -> tensor<1x3xi32>
    %282 = "stablehlo.scatter"(%253, %281, %269) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 2, 3], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 1>, unique_indices = false}> ({
    ^bb0(%arg337: tensor<bf16>, %arg338: tensor<bf16>):
      stablehlo.return %arg338 : tensor<bf16>
    }) : (tensor<5x65x8320x8x128xbf16>, tensor<1x3xi32>, tensor<1x10x8x128xbf16>) -> tensor<5x65x8320x8x128xbf16>
    return %118, %110, %82#1, %268, %282 : tensor<1xi32>, tensor<1x10xi32>, tensor<32x2x8x4096x64x128xbf16>, tensor<5x65x8320x8x128xbf16>, tensor<5x65x8320x8x128xbf16>
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
