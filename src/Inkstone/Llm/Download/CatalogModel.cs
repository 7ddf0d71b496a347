namespace Inkstone.Llm.Download;

/// <summary>A known GGUF file on Hugging Face. The SHA-256 is left null unless known for certain; the downloader then asks the hub for it.</summary>
public sealed record CatalogModel(string Name, string Repository, string FileName, string Description, string? Sha256 = null, string Revision = "main");
