package io.baeum.deploy;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;

/**
 * An ElasticMQ configuration file, parsed and resolved by the library ElasticMQ itself uses. {@code include file(...)}
 * of a path a container mounts (compose: the launcher's queue file at {@code /opt/baeum/...}) reads the repository
 * file mounted there.
 */
final class ElasticMqConfig {

    private ElasticMqConfig() {
    }

    /**
     * @param mounts container path → the repository file mounted at it
     */
    static Config load(Path conf, Map<String, Path> mounts) {
        ConfigParseOptions options = ConfigParseOptions.defaults().setIncluder(new MountedFiles(mounts));
        return ConfigFactory.parseFile(conf.toFile(), options).resolve();
    }

    private record MountedFiles(Map<String, Path> mounts) implements ConfigIncluder, ConfigIncluderFile {

        @Override
        public ConfigIncluder withFallback(ConfigIncluder fallback) {
            return this;
        }

        @Override
        public ConfigObject include(ConfigIncludeContext context, String what) {
            // `include "name"`: relative to the including file, as Typesafe Config resolves it
            com.typesafe.config.ConfigParseable relative = context.relativeTo(what);
            return relative == null ? ConfigFactory.empty().root() : relative.parse(context.parseOptions());
        }

        @Override
        public ConfigObject includeFile(ConfigIncludeContext context, File what) {
            Path file = mounts.getOrDefault(what.getPath(), what.toPath());
            return ConfigFactory.parseFile(file.toFile(), context.parseOptions().setAllowMissing(false)).root();
        }
    }
}
