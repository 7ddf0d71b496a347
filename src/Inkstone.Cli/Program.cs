using System.CommandLine;
using System.Text;
using Inkstone.Cli;

Console.OutputEncoding = Encoding.UTF8;
var root = CliApp.CreateRootCommand();
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
