package io.mgp.pipeline.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {Cli.NAME + " " + (version == null ? "(development build)" : version)};
    }
}
