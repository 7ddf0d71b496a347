namespace Inkstone.Cli.Rendering;

/// <summary>
/// The width tables may use: unlimited when standard output is redirected (files and pipes get whole rows), else the
/// COLUMNS variable or the terminal's width.
/// </summary>
public static class ConsoleWidth
{
    public static int Current
    {
        get
        {
            if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0) return columns;
            if (Console.IsOutputRedirected) return int.MaxValue;
            try
            {
                return Console.WindowWidth > 0 ? Console.WindowWidth : 120;
            }
            catch (IOException)
            {
                return int.MaxValue;
            }
        }
    }
}
