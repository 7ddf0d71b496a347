namespace Inkstone.Training;

/// <summary>How sample files are written. All three are registered in <c>dataset_info.json</c> so LLaMA-Factory reads any of them.</summary>
public enum ExportDataFormat
{
    /// <summary>LLaMA-Factory sharegpt: <c>conversations</c> of <c>{"from": "human"|"gpt", "value"}</c>, optional <c>system</c>.</summary>
    ShareGpt,

    /// <summary>LLaMA-Factory alpaca: <c>instruction</c>, <c>input</c> (empty), <c>output</c>, optional <c>system</c> and <c>history</c>.</summary>
    Alpaca,

    /// <summary>OpenAI chat fine-tuning: <c>{"messages": [{"role", "content"}]}</c> per line (no other keys; ids in a side file).</summary>
    OpenAiMessages,
}
