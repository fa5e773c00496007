package cn.liaocheng.renewal.engine.internal;

import java.beans.FeatureDescriptor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The first resolver of the engine's expression language: refuses, before any other
 * resolver sees it, every step of an expression that leads towards reflection or the
 * machine, whatever model, query or table the expression came from. A step is refused by
 * its name ({@code getClass}, {@code forName}, {@code invoke}, the property
 * {@code class}…) or by the object it is taken on (a class, class loader, reflective
 * member, runtime, process, thread, file, data source, script engine, the Spring context
 * or the engine's configuration, the engine or any of its services); it resolves nothing
 * itself.
 *
 * <p>
 * No expression may change which case a process acts on: of a process instance or a task
 * ({@code execution}, {@code task}) an expression reads only the members it is given (the
 * models read {@code execution.processBusinessKey}), calls none of their methods
 * ({@code execution.setProcessBusinessKey(...)}, {@code execution.getProcessEngine()}),
 * and no expression writes to a member of any object (a form property bound to
 * {@code #{execution.processBusinessKey}}). A top-level name may still be written: that
 * sets a process variable.
 */
final class ReflectionGuard extends ELResolver {

	/**
	 * Methods that reach classes, class loaders, reflective members or processes, on
	 * whatever object.
	 */
	static final Set<String> METHODS = Set.of("getClass", "forName", "getClassLoader", "getContextClassLoader",
			"setContextClassLoader", "loadClass", "defineClass", "newInstance", "invoke", "invokeExact",
			"invokeWithArguments", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField",
			"getFields", "getDeclaredField", "getDeclaredFields", "getConstructor", "getConstructors",
			"getDeclaredConstructor", "getDeclaredConstructors", "setAccessible", "trySetAccessible", "getModule",
			"getProtectionDomain", "getRuntime", "exec", "exit", "halt");

	/** Properties that are the same getters written as properties ({@code ''.class}). */
	static final Set<String> PROPERTIES = Set.of("class", "classLoader", "contextClassLoader", "module",
			"protectionDomain", "runtime");

	/**
	 * Types no expression may take a step on, matched against an object's class and all
	 * its supertypes.
	 */
	static final Set<String> TYPES = Set.of("java.lang.Class", "java.lang.ClassLoader", "java.lang.Module",
			"java.lang.ModuleLayer", "java.lang.Package", "java.lang.Runtime", "java.lang.Process",
			"java.lang.ProcessBuilder", "java.lang.ProcessHandle", "java.lang.System", "java.lang.Thread",
			"java.lang.ThreadGroup", "java.lang.StackWalker", "java.lang.SecurityManager", "java.io.File",
			"java.io.FileDescriptor", "java.io.RandomAccessFile", "java.io.ObjectInputStream",
			"java.io.ObjectOutputStream", "java.nio.file.Path", "java.nio.file.FileSystem",
			"java.nio.file.spi.FileSystemProvider", "java.nio.channels.Channel", "java.sql.Connection",
			"java.sql.Statement", "java.sql.Driver", "javax.sql.DataSource", "javax.naming.Context",
			"javax.script.ScriptEngine", "javax.script.ScriptEngineManager", "javax.script.ScriptEngineFactory",
			"org.springframework.beans.factory.BeanFactory", "org.springframework.core.env.Environment",
			"org.springframework.core.io.ResourceLoader", "org.springframework.jdbc.core.JdbcOperations",
			"org.camunda.bpm.engine.ProcessEngineConfiguration", "org.camunda.bpm.engine.ProcessEngine",
			"org.camunda.bpm.engine.ProcessEngineServices",
			"org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines",
			"org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver");

	/**
	 * Whole packages of the same kind: reflection, method handles, the network, the JDK's
	 * internals.
	 */
	static final List<String> PACKAGES = List.of("java.lang.reflect.", "java.lang.invoke.", "java.net.", "sun.",
			"jdk.internal.");

	/**
	 * The engine's services: {@code org.camunda.bpm.engine.RuntimeService} and the like.
	 */
	private static final String ENGINE_PACKAGE = "org.camunda.bpm.engine.";

	private static final ClassValue<Boolean> DANGEROUS = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			return isDangerous(type);
		}
	};

	private final Set<String> readableCaseMembers;

	/**
	 * @param readableCaseMembers the members of a process instance or task expressions
	 * may read, e.g. {@code processBusinessKey}
	 */
	ReflectionGuard(Set<String> readableCaseMembers) {
		this.readableCaseMembers = Set.copyOf(readableCaseMembers);
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		refuseProperty(base, property);
		return null;
	}

	@Override
	public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
		if (base != null) {
			refuseBase(base);
			String name = String.valueOf(method);
			if (METHODS.contains(name)) {
				throw refusal(name + "()");
			}
			if (base instanceof VariableScope) {
				throw caseRefusal(name + "()");
			}
		}
		return null;
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		refuseProperty(base, property);
		return null;
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		if (base != null) {
			throw new ELException("表达式不能修改对象的成员（" + property + "）：只能写入流程变量");
		}
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		refuseProperty(base, property);
		return false;
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return null;
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return null;
	}

	private void refuseProperty(Object base, Object property) {
		if (base == null) {
			return; // a top-level name: a variable or one of the beans the engine exposes
		}
		refuseBase(base);
		String name = String.valueOf(property);
		if (PROPERTIES.contains(name) || METHODS.contains(name)) {
			throw refusal(name);
		}
		if (base instanceof VariableScope && !readableCaseMembers.contains(name)) {
			throw caseRefusal(name);
		}
	}

	private static void refuseBase(Object base) {
		if (DANGEROUS.get(base.getClass())) {
			throw refusal(base.getClass().getName());
		}
	}

	private static boolean isDangerous(Class<?> type) {
		Deque<Class<?>> pending = new ArrayDeque<>(List.of(type));
		Set<Class<?>> seen = new HashSet<>();
		while (!pending.isEmpty()) {
			Class<?> t = pending.pop();
			if (!seen.add(t)) {
				continue;
			}
			String name = t.getName();
			if (TYPES.contains(name) || PACKAGES.stream().anyMatch(name::startsWith)
					|| name.startsWith(ENGINE_PACKAGE) && name.endsWith("Service")) {
				return true;
			}
			if (t.getSuperclass() != null) {
				pending.push(t.getSuperclass());
			}
			pending.addAll(List.of(t.getInterfaces()));
		}
		return false;
	}

	private ELException caseRefusal(String member) {
		return new ELException("表达式只能读取流程实例的" + String.join("、", new TreeSet<>(readableCaseMembers))
				+ "，不能访问或修改流程实例和任务的其他成员（" + member + "）");
	}

	private static ELException refusal(String what) {
		return new ELException("表达式不允许使用反射或访问系统资源（" + what + "）");
	}

}
