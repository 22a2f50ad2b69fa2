package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.shared.persistence.Timestamped;

/** A question of the protection quiz; {@code choices} is a JSON array, {@code answer} the right index. */
@TableName("training_question")
public class TrainingQuestion extends Timestamped {

    private String question;
    private String choices;
    private Integer answer;
    private Boolean active;

    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public String getChoices() { return choices; }
    public void setChoices(String choices) { this.choices = choices; }
    public Integer getAnswer() { return answer; }
    public void setAnswer(Integer answer) { this.answer = answer; }
    public Boolean getActive() { return active; }
    public void setActive(Boolean active) { this.active = active; }
}
