namespace Inkstone.Llm.Download;

/// <summary>Small instruct models that <c>inkstone model pull NAME</c> knows by name; any other GGUF works through <c>--model-path</c>.</summary>
public static class ModelCatalog
{
    public static IReadOnlyList<CatalogModel> Models { get; } =
    [
        new("qwen2.5-0.5b-instruct", "Qwen/Qwen2.5-0.5B-Instruct-GGUF", "qwen2.5-0.5b-instruct-q4_k_m.gguf",
            "Qwen2.5 0.5B Instruct, Q4_K_M (≈0.5 GB): smoke tests and very small machines"),
        new("qwen2.5-1.5b-instruct", "Qwen/Qwen2.5-1.5B-Instruct-GGUF", "qwen2.5-1.5b-instruct-q4_k_m.gguf",
            "Qwen2.5 1.5B Instruct, Q4_K_M (≈1.1 GB): the embedded default"),
        new("qwen2.5-3b-instruct", "Qwen/Qwen2.5-3B-Instruct-GGUF", "qwen2.5-3b-instruct-q4_k_m.gguf",
            "Qwen2.5 3B Instruct, Q4_K_M (≈2 GB)"),
        new("qwen2.5-7b-instruct", "bartowski/Qwen2.5-7B-Instruct-GGUF", "Qwen2.5-7B-Instruct-Q4_K_M.gguf",
            "Qwen2.5 7B Instruct, Q4_K_M (≈4.7 GB): the paper's screening model, single-file quantisation"),
    ];

    /// <summary>The model used when no server and no model path is configured.</summary>
    public static CatalogModel Default => Models[1];

    public static CatalogModel? Find(string name) =>
        Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
