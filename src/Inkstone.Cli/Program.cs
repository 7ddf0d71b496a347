using System.Text;
using Inkstone.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await CliApp.InvokeAsync(args).ConfigureAwait(false);
