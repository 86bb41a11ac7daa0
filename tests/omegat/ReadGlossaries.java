// Reads glossary files with OmegaT's own readers (TBX for *.tbx, tab-separated for the others), and prints
// each entry as a tab-separated line: file name, source term, target term, comment (breaks and tabs escaped).
// The TBX reader takes its languages from the loaded project, so the project is loaded first through
// OmegaT's API, as its console mode does. Run with the JDK's source launcher, OmegaT.jar on the class path:
//   java -cp OmegaT.jar ReadGlossaries.java PROJECT_DIR GLOSSARY.tbx GLOSSARY.utf8 ...
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.omegat.core.Core;
import org.omegat.core.data.ProjectProperties;
import org.omegat.core.data.RealProject;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.gui.glossary.GlossaryReaderTSV;
import org.omegat.util.ProjectFileStorage;

public class ReadGlossaries {
    // UTF-8 whatever the locale, which sets Java's default charset (ASCII in a C locale)
    private static final PrintStream OUT =
            new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        Core.initializeConsole(Collections.emptyMap());
        ProjectProperties properties = ProjectFileStorage.loadProjectProperties(new File(args[0]));
        properties.verifyProject();
        RealProject project = new RealProject(properties);
        project.loadProject(true);
        Core.setProject(project);
        for (int i = 1; i < args.length; i++) {
            File file = new File(args[i]);
            boolean tbx = file.getName().endsWith(".tbx");
            print(file.getName(), tbx ? GlossaryReaderTBX.read(file, false) : GlossaryReaderTSV.read(file, false));
        }
        project.closeProject();
    }

    private static void print(String name, List<GlossaryEntry> entries) {
        for (GlossaryEntry entry : entries) {
            OUT.println(String.join("\t", name, escape(entry.getSrcText()), escape(entry.getLocText()),
                    escape(entry.getCommentText())));
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }
}
