package org.convlens;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Locale;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules, checked on the compiled classes with ArchUnit (as JabRef's
 * CommonArchitectureTest), so that neither a fully qualified name nor a new class slips past them:
 * dependencies point one way (docs/architecture.md), view-models hold no JavaFX nodes, only the
 * command line prints, and engine text is always asked for in a locale.
 */
@AnalyzeClasses(packages = "org.convlens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ENGINE = "org.convlens.engine..";
    private static final String NETWORK = "org.convlens.network..";
    private static final String TRAIN = "org.convlens.train..";
    private static final String IO = "org.convlens.io..";
    private static final String SPEC = "org.convlens.spec..";
    private static final String IMAGE = "org.convlens.image..";
    private static final String LESSON = "org.convlens.lesson..";
    private static final String CLI = "org.convlens.cli..";
    private static final String UI = "org.convlens.ui..";
    private static final String APP = "org.convlens.app..";
    /** The Java platform without the desktop (AWT, Swing, ImageIO, java.beans): what pure code may use. */
    private static final String[] DESKTOP = {"java.awt..", "java.applet..", "java.beans..", "javax.."};

    @ArchTest
    static final ArchRule engineDependsOnNothingButJava = classes().that().resideInAPackage(ENGINE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(ENGINE, "java..", "jdk.incubator.vector..")
            .because("the engine is pure Java (the JDK's Vector API included, loaded only when present):"
                    + " every other package depends on it, it on nothing");

    @ArchTest
    static final ArchRule engineUsesNoDesktopJava = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(DESKTOP);

    @ArchTest
    static final ArchRule networkDependsOnTheEngineOnly = classes().that().resideInAPackage(NETWORK)
            .should().onlyDependOnClassesThat().resideInAnyPackage(NETWORK, ENGINE, "java..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule trainDependsOnTheNetworkAndTheEngineOnly = classes().that().resideInAPackage(TRAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(TRAIN, NETWORK, ENGINE, "java..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule networkAndTrainUseNoDesktopJava = noClasses().that().resideInAnyPackage(NETWORK, TRAIN)
            .should().dependOnClassesThat().resideInAnyPackage(DESKTOP).allowEmptyShould(true);

    @ArchTest
    static final ArchRule ioDependsOnNothingButJava = classes().that().resideInAPackage(IO)
            .should().onlyDependOnClassesThat().resideInAnyPackage(IO, "java..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule specDependsOnTheEngineAndJackson = classes().that().resideInAPackage(SPEC)
            .should().onlyDependOnClassesThat().resideInAnyPackage(SPEC, ENGINE, NETWORK, IO, "java..",
                    "com.fasterxml.jackson..")
            .because("spec reads and writes the engine's settings and network files (NetworkReader)");

    @ArchTest
    static final ArchRule imageDependsOnTheEngineOnly = noClasses().that().resideInAPackage(IMAGE)
            .should().dependOnClassesThat().resideInAnyPackage(SPEC, LESSON, CLI, UI, APP, NETWORK, TRAIN, "javafx..");

    @ArchTest
    static final ArchRule lessonsDependOnNoFrontEnd = noClasses().that().resideInAPackage(LESSON)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, UI, APP, "javafx..");

    @ArchTest
    static final ArchRule theCommandLineNeedsNoWindow = noClasses().that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage(UI, APP, "javafx..");

    @ArchTest
    static final ArchRule theWindowDoesNotReachIntoTheCommandLine = noClasses().that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, APP);

    @ArchTest
    static final ArchRule viewModelsHoldNoJavaFxNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..",
                    "java.awt..", "javax.swing..")
            .because("view-models are tested with plain JUnit; nodes belong to the views (JabRef, AtlantaFX)");

    /**
     * What a view-model computes from is free of nodes too: every ui class it reaches through
     * its dependencies (a frame, a renderer, a picture). This replaces the hand-kept list.
     */
    @ArchTest
    static final ArchRule viewModelsReachNoJavaFxNodes = classes().that().haveSimpleNameEndingWith("ViewModel")
            .should(new ArchCondition<JavaClass>("reach no JavaFX node, stage or FXML through the ui classes they use") {
                @Override
                public void check(JavaClass vm, ConditionEvents events) {
                    java.util.Set<JavaClass> seen = new java.util.LinkedHashSet<>();
                    java.util.Deque<JavaClass> todo = new java.util.ArrayDeque<>(java.util.List.of(vm));
                    while (!todo.isEmpty()) {
                        JavaClass c = todo.pop();
                        if (!seen.add(c)) {
                            continue;
                        }
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            JavaClass t = d.getTargetClass();
                            if (isNodeOrWindow(t)) {
                                events.add(SimpleConditionEvent.violated(vm, vm.getSimpleName() + " reaches "
                                        + c.getName() + ", which uses " + t.getName()));
                            } else if (t.getPackageName().startsWith("org.convlens.ui") && !t.getSimpleName().endsWith("View")) {
                                todo.add(t);
                            }
                        }
                    }
                }
            });

    private static boolean isNodeOrWindow(JavaClass t) {
        String p = t.getPackageName();
        return p.startsWith("javafx.stage") || p.startsWith("javafx.fxml")
                || p.startsWith("javafx.scene") && t.isAssignableTo("javafx.scene.Node");
    }

    @ArchTest
    static final ArchRule onlyTheCommandLinePrints = noClasses().that().resideOutsideOfPackage(CLI)
            .should().accessField(System.class, "out")
            .because("standard output is the command line's result; nothing else may write to it");

    @ArchTest
    static final ArchRule theUiNeverRunsTheEnginesLoopsItself = noClasses().that().resideInAPackage(UI)
            .should().callMethodWhere(target("org.convlens.engine.Reference", "org.convlens.engine.Pooling"))
            .because("the window reads a plan and calls ConvEngine or StepTrace; the loops are the engine's");

    /** The legacy methods that fill in the default locale for callers outside the engine. */
    private static final DescribedPredicate<JavaCodeUnit> LEGACY_DEFAULT_LOCALE = DescribedPredicate.describe(
            "a legacy default-locale convenience method", u -> {
                String owner = u.getOwner().getSimpleName();
                boolean noLocale = u.getRawParameterTypes().isEmpty()
                        || !u.getRawParameterTypes().get(0).isEquivalentTo(Locale.class);
                return noLocale && (owner.equals("Messages") && (u.getName().equals("get") || u.getName().equals("text"))
                        || owner.equals("SpecException") && u.getName().equals("localizedMessage"));
            });

    @ArchTest
    static final ArchRule engineTextIsAskedForInALocale = noClasses().that().resideInAPackage(ENGINE)
            .should().callMethodWhere(DescribedPredicate.describe("Locale.getDefault() outside the legacy methods",
                    (JavaMethodCall c) -> c.getTargetOwner().isEquivalentTo(Locale.class)
                            && c.getName().equals("getDefault") && !LEGACY_DEFAULT_LOCALE.test(c.getOrigin())))
            .because("a message is made once and shown in the locale the caller passes (issue 9)");

    private static DescribedPredicate<JavaMethodCall> target(String... owners) {
        return DescribedPredicate.describe("a method of " + String.join(" or ", owners), c -> {
            JavaClass owner = c.getTargetOwner();
            for (String o : owners) {
                if (owner.getName().equals(o)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The rules can fail: classes made to break them (test sources, not analysed above) are caught. */
    @org.junit.jupiter.api.Test
    void theRulesCatchClassesThatBreakThem() {
        com.tngtech.archunit.core.domain.JavaClasses fake = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importPackages("org.convlens.ui.archfake");
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> viewModelsReachNoJavaFxNodes.check(fake));
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> onlyTheCommandLinePrints.check(fake));
        viewModelsHoldNoJavaFxNodes.check(fake); // directly it holds none: only the transitive rule sees it
    }
}
