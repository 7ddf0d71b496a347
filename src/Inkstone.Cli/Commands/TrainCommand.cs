using System.CommandLine;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone train</c>: prepares SFT mixes of process and general data for external trainers (it does not train).</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Prepare training data: mix process triplets with general samples (paper Table 1), render chat samples and export them for LLaMA-Factory or OpenAI fine-tuning. Inkstone does not train models itself.");
        command.Subcommands.Add(TrainPlanCommand.Create());
        command.Subcommands.Add(TrainExportCommand.Create());
        return command;
    }
}
