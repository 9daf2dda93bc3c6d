package io.mgp.pipeline.cli;

import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code run} (the default), {@code build}, {@code test}, {@code docs}, {@code serve} and {@code seed}, each with {@code --help}. */
@Command(name = "pipeline",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "An emulated MotoGP results API and a concurrent crawl of it into a lake: bronze parquet, silver and gold"
                + " Iceberg tables, with SQL models and data tests in dbt's manner.",
        subcommands = {RunCommand.class, BuildCommand.class, TestCommand.class, HistoryCommand.class, QueryCommand.class, MaintainCommand.class, DocsCommand.class, ServeCommand.class, SeedCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli {

    public static final String NAME = "mgp-pipeline";
    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private Cli() {
    }

    /** Runs the command line and returns the exit code: 0 done, 1 failed, 2 wrong usage. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Cli());
        // every command's -V, not only the top level's, says the version
        cli.getSubcommands().values().forEach(command -> command.getCommandSpec().versionProvider(cli.getCommandSpec().versionProvider()));
        cli.setParameterExceptionHandler(Cli::usageError);
        cli.setExecutionExceptionHandler((error, command, parsed) -> {
            command.getErr().println(NAME + ": " + Errors.describe(error));
            return Errors.exitCode(error);
        });
        return cli.execute(withDefaultCommand(cli, args));
    }

    /** No command, or only flags, means {@code run}. */
    private static String[] withDefaultCommand(CommandLine cli, String[] args) {
        if (args.length > 0 && (cli.getSubcommands().containsKey(args[0]) || TOP_LEVEL_OPTIONS.contains(args[0]))) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }

    private static int usageError(CommandLine.ParameterException error, String[] args) {
        PrintWriter err = error.getCommandLine().getErr();
        err.println(NAME + ": " + error.getMessage() + " (see '" + error.getCommandLine().getCommandName() + " --help')");
        return 2;
    }
}
