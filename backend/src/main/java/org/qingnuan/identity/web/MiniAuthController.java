package org.qingnuan.identity.web;

import org.qingnuan.api.mini.MiniAuthApi;
import org.qingnuan.api.mini.MiniRequests;
import org.qingnuan.api.mini.MiniUserView;
import org.qingnuan.identity.CurrentUser;
import org.qingnuan.identity.MiniProgramSignIn;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MiniAuthController implements MiniAuthApi {

    private final MiniProgramSignIn signIn;

    MiniAuthController(MiniProgramSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public MiniUserView.Login login(MiniRequests.Login request) {
        return signIn.login(request.code());
    }

    @Override
    public void logout() {
        signIn.logout(CurrentUser.require());
    }

    @Override
    public MiniUserView me() {
        return signIn.view(CurrentUser.require());
    }

    @Override
    public MiniUserView bindPhone(MiniRequests.PhoneCode request) {
        return signIn.bindPhone(CurrentUser.require(), request.code());
    }

    @Override
    public MiniUserView redeemInvite(MiniRequests.InviteCode request) {
        return signIn.redeemInvite(CurrentUser.require(), request.code());
    }
}
