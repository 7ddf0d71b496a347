using Inkstone.Curation.Assessment;
using Inkstone.Curation.Modeling;
using Inkstone.Curation.Stages;
using Inkstone.Storage;

namespace Inkstone.Curation;

/// <summary>The pipeline's stages in order, built from a workspace configuration and an optional model.</summary>
public static class CurationStages
{
    public static IReadOnlyList<ICurationStage> Create(WorkspaceConfig config, ICurationStore store, ICurationModel? model)
    {
        ArgumentNullException.ThrowIfNull(config);
        return
        [
            new AssessStage(new RuleBasedAssessor(config.Assessment), model, config.Assessment),
            new ScreenStage(model, config.Screening),
            new AnalyzeStage(model, config.Analysis),
            new DraftStage(model, config.Drafts),
            new ModelScoreStage(store, model, config.Gate),
        ];
    }
}
