package cn.liaocheng.renewal.batch;

public class WindowNotFoundException extends RuntimeException {

	public WindowNotFoundException() {
		super("申报批次不存在");
	}

}
