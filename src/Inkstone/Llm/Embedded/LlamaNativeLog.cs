using LLama.Native;

namespace Inkstone.Llm.Embedded;

/// <summary>
/// Captures llama.cpp's log instead of letting it print to stderr, keeping the last lines so that a load failure (which
/// LLamaSharp reports only as "failed to load") can say why. Must be installed before the native library loads.
/// </summary>
public static class LlamaNativeLog
{
    private const int Capacity = 64;
    private static readonly Queue<string> s_lines = new();
    private static readonly Lock s_lock = new();
    private static int s_installed;

    /// <summary>Installs the callback once; a no-op when the library was already loaded by someone else.</summary>
    public static void EnsureInstalled()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1) return;
        try
        {
            NativeLibraryConfig.All.WithLogCallback(Record);
        }
        catch (InvalidOperationException)
        {
            // The native library is already loaded; its log goes wherever the loader sent it.
        }
    }

    /// <summary>The most recent warnings and errors, oldest first.</summary>
    public static string Recent()
    {
        lock (s_lock) return string.Join("", s_lines);
    }

    private static void Record(LLamaLogLevel level, string message)
    {
        if (level is not (LLamaLogLevel.Error or LLamaLogLevel.Warning)) return;
        lock (s_lock)
        {
            s_lines.Enqueue(message);
            while (s_lines.Count > Capacity) s_lines.Dequeue();
        }
    }
}
