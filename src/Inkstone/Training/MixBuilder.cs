using System.Globalization;
using Inkstone.Model;

namespace Inkstone.Training;

/// <summary>
/// Builds the configurations of a plan. Process data: each genre's triplets are ordered by id and shuffled with a
/// genre-specific seed; a configuration that takes n of N triplets gives genre g its largest-remainder share of n
/// (ties to the smaller genre id), takes the first of the genre's order, and holds out its validation share from
/// them. With "all", every triplet is used in every configuration. General data: the valid lines of the pool, in file
/// then line order, are permuted once with the plan's seed; a configuration drawing k takes the first k, so smaller
/// draws are nested in larger ones by construction (1k ⊂ 5k ⊂ 10k), and the general-only baseline shares them.
/// </summary>
public static class MixBuilder
{
    private const string NoGenre = "(none)";

    public static async Task<MixResult> BuildAsync(MixPlan plan, IReadOnlyList<Triplet> process, bool strict, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(process);
        plan.Validate();

        var (triplets, processIssues) = CheckProcess(process, plan.Thought);
        var maxGeneral = plan.Configurations.Max(c => c.GeneralCount);
        var (references, generalIssues) = await ScanPoolAsync(plan, cancellationToken).ConfigureAwait(false);

        if (strict && (processIssues.Count > 0 || generalIssues.Count > 0))
        {
            return new MixResult
            {
                Plan = plan, ProcessIssues = processIssues, GeneralIssues = generalIssues, ProcessAvailable = triplets.Count,
                GeneralPoolSize = references.Count, GeneralOrder = [], Configurations = [], Stopped = true,
            };
        }

        foreach (var c in plan.Configurations)
        {
            if (c.GeneralCount > references.Count)
                throw new TrainingDataException(string.Create(CultureInfo.InvariantCulture,
                    $"configuration '{c.Name}' draws {c.GeneralCount:N0} general samples but the pool has {references.Count:N0} valid ones ({generalIssues.Count:N0} lines rejected)"));
            if (c.ProcessCount > triplets.Count)
                throw new TrainingDataException(string.Create(CultureInfo.InvariantCulture,
                    $"configuration '{c.Name}' draws {c.ProcessCount:N0} triplets but the process dataset has {triplets.Count:N0} usable ones ({processIssues.Count:N0} left out)"));
        }

        // One permutation of the whole pool; only its first maxGeneral positions are ever used.
        var permutation = Enumerable.Range(0, references.Count).ToArray();
        DeterministicRandom.ForPurpose(plan.Seed, "general").Shuffle(permutation);
        var chosen = permutation.AsSpan(0, maxGeneral).ToArray();
        var order = await LoadSelectedAsync(plan, references, chosen, cancellationToken).ConfigureAwait(false);

        var genres = OrderByGenre(triplets, plan.Seed);
        var configurations = plan.Configurations.Select(c => Compose(c, genres, triplets.Count, order, plan.Validation)).ToList();
        return new MixResult
        {
            Plan = plan, ProcessIssues = processIssues, GeneralIssues = generalIssues, ProcessAvailable = triplets.Count,
            GeneralPoolSize = references.Count, GeneralOrder = order, Configurations = configurations,
        };
    }

    private static MixConfigurationResult Compose(
        MixConfiguration configuration, SortedDictionary<string, List<Triplet>> genres, int available, GeneralSample[] order, ValidationSplitOptions validation)
    {
        var draw = configuration.ProcessCount ?? available;
        var shares = Allocate(genres, draw, available);
        var processTrain = new List<Triplet>();
        var processValidation = new List<Triplet>();
        foreach (var (genre, items) in genres)
        {
            var taken = shares[genre];
            var held = validation.ProcessValidationCount(taken);
            processValidation.AddRange(items.Take(held));
            processTrain.AddRange(items.Skip(held).Take(taken - held));
        }

        var generalTrain = new List<GeneralSample>();
        var generalValidation = new List<GeneralSample>();
        for (var i = 0; i < configuration.GeneralCount; i++)
            (validation.IsGeneralValidation(i) ? generalValidation : generalTrain).Add(order[i]);
        return new MixConfigurationResult(configuration, processTrain, processValidation, generalTrain, generalValidation);
    }

    /// <summary>Largest-remainder (Hamilton) apportionment of <paramref name="draw"/> over the genres, proportional to their sizes.</summary>
    private static Dictionary<string, int> Allocate(SortedDictionary<string, List<Triplet>> genres, int draw, int available)
    {
        var shares = new Dictionary<string, int>(StringComparer.Ordinal);
        if (draw == available)
        {
            foreach (var (genre, items) in genres) shares[genre] = items.Count;
            return shares;
        }

        var remainders = new List<(string Genre, long Remainder)>();
        var assigned = 0;
        foreach (var (genre, items) in genres)
        {
            var exact = (long)draw * items.Count;
            shares[genre] = (int)(exact / available);
            assigned += shares[genre];
            remainders.Add((genre, exact % available));
        }

        foreach (var (genre, _) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Genre, StringComparer.Ordinal).Take(draw - assigned))
            shares[genre]++;
        return shares;
    }

    private static SortedDictionary<string, List<Triplet>> OrderByGenre(IReadOnlyList<Triplet> triplets, long seed)
    {
        var genres = new SortedDictionary<string, List<Triplet>>(StringComparer.Ordinal);
        foreach (var group in triplets.GroupBy(t => t.GenreId ?? NoGenre, StringComparer.Ordinal))
        {
            // Sorting by id first makes the draw independent of the order the dataset file lists triplets in.
            var items = group.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
            DeterministicRandom.ForPurpose(seed, "process:" + group.Key).Shuffle(items);
            genres[group.Key] = items;
        }

        return genres;
    }

    private static (List<Triplet> Triplets, List<ProcessDataIssue> Issues) CheckProcess(IReadOnlyList<Triplet> process, ThoughtRendering rendering)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<Triplet>();
        var issues = new List<ProcessDataIssue>();
        foreach (var triplet in process)
        {
            if (string.IsNullOrWhiteSpace(triplet.Id))
            {
                issues.Add(new ProcessDataIssue(triplet.Id ?? "", "id", "empty"));
                continue;
            }

            if (!seen.Add(triplet.Id))
            {
                issues.Add(new ProcessDataIssue(triplet.Id, "id", "duplicate of an earlier triplet (the first is kept)"));
                continue;
            }

            if (SftRenderer.Check(triplet, rendering) is { } issue)
            {
                issues.Add(issue);
                continue;
            }

            valid.Add(triplet);
        }

        return (valid, issues);
    }

    private readonly record struct PoolReference(int File, int Line);

    private static async Task<(List<PoolReference> References, List<GeneralDataIssue> Issues)> ScanPoolAsync(MixPlan plan, CancellationToken cancellationToken)
    {
        var references = new List<PoolReference>();
        var issues = new List<GeneralDataIssue>();
        for (var f = 0; f < plan.GeneralPaths.Count; f++)
        {
            var display = plan.GeneralPaths[f];
            await foreach (var record in GeneralDataReader.ReadAsync(plan.Resolve(display), display, cancellationToken).ConfigureAwait(false))
            {
                if (record.Sample is { } sample) references.Add(new PoolReference(f, sample.Line));
                else issues.Add(record.Issue!);
            }
        }

        return (references, issues);
    }

    /// <summary>Second pass over the pool: keeps only the chosen lines, placed at their permutation positions.</summary>
    private static async Task<GeneralSample[]> LoadSelectedAsync(MixPlan plan, List<PoolReference> references, int[] chosen, CancellationToken cancellationToken)
    {
        var position = new Dictionary<PoolReference, int>(chosen.Length);
        for (var i = 0; i < chosen.Length; i++) position[references[chosen[i]]] = i;
        var order = new GeneralSample[chosen.Length];
        var files = chosen.Select(c => references[c].File).Distinct().Order();
        foreach (var f in files)
        {
            var display = plan.GeneralPaths[f];
            await foreach (var record in GeneralDataReader.ReadAsync(plan.Resolve(display), display, cancellationToken).ConfigureAwait(false))
            {
                if (record.Sample is { } sample && position.TryGetValue(new PoolReference(f, sample.Line), out var at))
                    order[at] = sample;
            }
        }

        for (var i = 0; i < order.Length; i++)
        {
            if (order[i] is null)
            {
                var missing = references[chosen[i]];
                throw new TrainingDataException($"{plan.GeneralPaths[missing.File]}:{missing.Line}: the line changed while the mix was being built; run again");
            }
        }

        return order;
    }
}
