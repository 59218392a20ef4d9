package io.baeum.rag.document.domain;

/** What a document is; the kind decides its channel. */
public enum DocumentKind {
    FAQ(Channel.SUPPORT), NOTICE(Channel.SUPPORT), MATERIAL(Channel.STUDY), LESSON(Channel.STUDY), COURSE(Channel.STUDY);

    private final Channel channel;

    DocumentKind(Channel channel) {
        this.channel = channel;
    }

    public Channel channel() {
        return channel;
    }
}
