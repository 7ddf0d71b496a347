using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Inkstone.Text.Segmentation;

/// <summary>
/// The B/M/E/S hidden Markov model that Python jieba's <c>finalseg</c> uses to split runs of characters the
/// dictionary does not join: start, transition and emission log-probabilities. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// States are numbered in the order Python compares their names (<c>'B' &lt; 'E' &lt; 'M' &lt; 'S'</c>), so that
/// jieba's tie-breaking by <c>max((prob, state))</c> becomes a comparison of indices.
/// </remarks>
public sealed class JiebaHmmModel
{
    internal const int B = 0, E = 1, M = 2, S = 3;

    /// <summary>jieba's <c>MIN_FLOAT</c>: the log-probability of anything the tables do not list.</summary>
    internal const double MinFloat = -3.14e100;

    private static readonly Lazy<JiebaHmmModel> s_default = new(
        () => Load(Path.Combine(JiebaDictionary.DefaultDataDirectory, "prob_trans.json"), Path.Combine(JiebaDictionary.DefaultDataDirectory, "prob_emit.json")),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string[] s_stateNames = ["B", "E", "M", "S"];

    // finalseg/prob_start.py of jieba 0.42.1; jieba's data folder ships transitions and emissions only.
    private static readonly double[] s_start = [-0.26268660809250016, MinFloat, MinFloat, -1.4652633398537678];

    private readonly double[] _start;
    private readonly double[] _transitions;   // [from * 4 + to]
    private readonly double[] _emissions;     // [state * 65536 + UTF-16 unit]

    private JiebaHmmModel(double[] start, double[] transitions, double[] emissions)
    {
        _start = start;
        _transitions = transitions;
        _emissions = emissions;
    }

    /// <summary>jieba's model from the data files next to the application (loaded once, on first use).</summary>
    public static JiebaHmmModel Default => s_default.Value;

    /// <summary>Number of (state, character) emission entries.</summary>
    public int EmissionCount { get; private init; }

    /// <summary>Start log-probability of <paramref name="state"/> (one of B, E, M, S).</summary>
    public double StartLogProbability(char state) => _start[StateIndex(state)];

    /// <summary>Transition log-probability, or jieba's <c>MIN_FLOAT</c> (−3.14e100) when the table has none.</summary>
    public double TransitionLogProbability(char from, char to) => _transitions[StateIndex(from) * 4 + StateIndex(to)];

    /// <summary>Emission log-probability of a BMP character, or −3.14e100 when the table has none.</summary>
    public double EmissionLogProbability(char state, char character) => _emissions[StateIndex(state) * 65536 + character];

    /// <summary>Loads jieba's <c>prob_trans.json</c> and <c>prob_emit.json</c> (objects keyed by state, then by character).</summary>
    public static JiebaHmmModel Load(string transitionsPath, string emissionsPath) =>
        Parse(File.ReadAllBytes(transitionsPath), transitionsPath, File.ReadAllBytes(emissionsPath), emissionsPath);

    /// <inheritdoc cref="Load(string, string)"/>
    public static async Task<JiebaHmmModel> LoadAsync(string transitionsPath, string emissionsPath, CancellationToken cancellationToken = default)
    {
        var transitions = await File.ReadAllBytesAsync(transitionsPath, cancellationToken).ConfigureAwait(false);
        var emissions = await File.ReadAllBytesAsync(emissionsPath, cancellationToken).ConfigureAwait(false);
        return Parse(transitions, transitionsPath, emissions, emissionsPath);
    }

    private static JiebaHmmModel Parse(byte[] transitionsJson, string transitionsPath, byte[] emissionsJson, string emissionsPath)
    {
        var transitions = new double[16];
        Array.Fill(transitions, MinFloat);
        ReadTable(transitionsJson, transitionsPath, (from, key, value) =>
        {
            var to = Array.IndexOf(s_stateNames, key);
            if (to < 0) throw new FormatException($"{transitionsPath}: unknown state \"{key}\" under \"{s_stateNames[from]}\"");
            transitions[from * 4 + to] = value;
        });

        var emissions = new double[4 * 65536];
        Array.Fill(emissions, MinFloat);
        var count = 0;
        ReadTable(emissionsJson, emissionsPath, (state, key, value) =>
        {
            // Only single BMP characters can ever be looked up: the HMM sees U+4E00–U+9FD5 only.
            if (key.Length != 1) return;
            emissions[state * 65536 + key[0]] = value;
            count++;
        });
        return new JiebaHmmModel((double[])s_start.Clone(), transitions, emissions) { EmissionCount = count };
    }

    internal double Start(int state) => _start[state];

    internal double Transition(int from, int to) => _transitions[from * 4 + to];

    internal ReadOnlySpan<double> Emissions(int state) => _emissions.AsSpan(state * 65536, 65536);

    private static int StateIndex(char state)
    {
        var index = Array.IndexOf(s_stateNames, state.ToString());
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(state), state, "HMM states are B, E, M and S.");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadTable(byte[] json, string path, Action<int, string, double> set)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, path);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var stateName = reader.GetString()!;
                var state = Array.IndexOf(s_stateNames, stateName);
                if (state < 0) throw new FormatException($"{path}: unknown HMM state \"{stateName}\" (expected B, E, M or S)");
                Expect(ref reader, JsonTokenType.StartObject, path);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    Expect(ref reader, JsonTokenType.Number, path);
                    set(state, key, reader.GetDouble());
                }
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: invalid JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string path)
    {
        if (!reader.Read() || reader.TokenType != type)
            throw new FormatException($"{path}: expected {type} at byte {reader.TokenStartIndex}, found {reader.TokenType}");
    }
}
