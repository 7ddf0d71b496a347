using Inkstone.Model;

namespace Inkstone.Training;

/// <summary>
/// Builds the mixes of a plan, renders every sample and measures it. A sample's length is the sum over its messages
/// (system included) of content tokens plus <see cref="MixPlan.TokensPerMessage"/> template tokens. The train and
/// validation files list samples in a seeded shuffle of (process samples, then general samples), so that a reader
/// of the first lines sees the mix, not one source.
/// </summary>
public static class MixReportBuilder
{
    /// <summary>Collects a streamed process dataset first: the mix needs every triplet's genre before it can draw.</summary>
    public static async Task<MixReport> BuildAsync(MixPlan plan, IAsyncEnumerable<Triplet> process, ITokenCounter counter, bool strict, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        var triplets = new List<Triplet>();
        await foreach (var triplet in process.WithCancellation(cancellationToken).ConfigureAwait(false)) triplets.Add(triplet);
        return await BuildAsync(plan, triplets, counter, strict, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<MixReport> BuildAsync(MixPlan plan, IReadOnlyList<Triplet> process, ITokenCounter counter, bool strict, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(counter);
        var mix = await MixBuilder.BuildAsync(plan, process, strict, cancellationToken).ConfigureAwait(false);

        var rendered = new Dictionary<string, SftSample>(StringComparer.Ordinal);
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        SftSample RenderProcess(Triplet t) => Cached("cw:" + t.Id, () => SftRenderer.Render(t, plan.Thought, plan.ProcessSystemPrompt));
        SftSample RenderGeneral(GeneralSample g) => Cached(g.Id, () => SftRenderer.Render(g));
        SftSample Cached(string id, Func<SftSample> render)
        {
            if (!rendered.TryGetValue(id, out var sample))
            {
                sample = render();
                rendered[id] = sample;
                lengths[id] = Measure(sample, counter, plan.TokensPerMessage);
            }

            return sample;
        }

        var splits = new List<(MixConfigurationResult Mix, List<SftSample> Train, List<SftSample> Validation)>();
        foreach (var configuration in mix.Configurations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = configuration.ProcessTrain.Select(RenderProcess).Concat(configuration.GeneralTrain.Select(RenderGeneral)).ToList();
            var validation = configuration.ProcessValidation.Select(RenderProcess).Concat(configuration.GeneralValidation.Select(RenderGeneral)).ToList();
            DeterministicRandom.ForPurpose(plan.Seed, "order:train:" + configuration.Name).Shuffle(train);
            DeterministicRandom.ForPurpose(plan.Seed, "order:validation:" + configuration.Name).Shuffle(validation);
            splits.Add((configuration, train, validation));
        }

        var derived = plan.Training.CutoffLength is null;
        var cutoff = plan.Training.CutoffLength ?? plan.Cutoff.Apply(lengths.Values.ToList());
        var reports = splits.Select(s => new ConfigurationReport(
            s.Mix,
            s.Train,
            s.Validation,
            TokenStatistics.From(s.Train.Select(x => lengths[x.Id]), cutoff),
            TokenStatistics.From(s.Validation.Select(x => lengths[x.Id]), cutoff))).ToList();

        return new MixReport
        {
            Mix = mix,
            TokenCounterName = counter.Name,
            TokenCountIsEstimate = counter.IsEstimate,
            CutoffLength = cutoff,
            CutoffDerived = derived,
            Configurations = reports,
        };
    }

    public static int Measure(SftSample sample, ITokenCounter counter, int tokensPerMessage)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(counter);
        var total = 0;
        if (sample.System is not null) total += counter.CountTokens(sample.System) + tokensPerMessage;
        foreach (var turn in sample.Turns) total += counter.CountTokens(turn.Content) + tokensPerMessage;
        return total;
    }
}
